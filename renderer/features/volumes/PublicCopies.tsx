import { EyeInvisibleOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { VolumeDto, VolumePublicCopyDto } from '../../../shared/contract/volumes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { PdfPreviewModal } from '../pdf-preview/PdfPreviewModal';
import { actionProblem } from '../inspections/action-problem';
import type { Problem } from '../inspections/use-inspection-action';
import { isJobActive, jobPercent } from '../jobs/job-labels';
import { useJob } from '../jobs/use-job';
import { useOpenVolumeFile } from './use-open-volume-file';
import { useVolumePreview } from './use-volume-preview';
import { shortHash, testId, type VolumePermissions } from './volume-labels';

const STATUS = { queued: 'normal', running: 'active', succeeded: 'success', failed: 'exception', cancelled: 'normal' } as const;

/**
 * 公开版: public copies of the volume (withheld pages replaced by placeholder pages), each immutable, with
 * 预览 (in the app) and 打开; 生成公开版 runs the job from the latest full version and the marks as they are now.
 */
export function PublicCopies({ volume: v, can }: { volume: VolumeDto; can: VolumePermissions }) {
  const opener = useOpenVolumeFile();
  const preview = useVolumePreview(v.id);
  const [open, setOpen] = useState(false);
  const liveMarks = v.entries.reduce((n, e) => n + e.marks.filter((m) => m.liftedAt === null).length, 0);
  const button = can.bind ? (
    <Button icon={<EyeInvisibleOutlined />} disabled={v.bindings.length === 0} title={v.bindings.length === 0 ? '请先装订' : undefined} onClick={() => setOpen(true)} data-testid="volume-bind-public">
      生成公开版
    </Button>
  ) : null;
  return (
    <Card size="small" title="公开版" extra={button} data-testid="volume-public-copies">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        当前有 {liveMarks} 处不予公开标记。
        {v.publicCopies.length > 0 ? (v.publicCurrent ? '最新公开版与最新装订版本及现有标记一致。' : '装订版本或标记已变化，请重新生成公开版。') : ''}
      </Typography.Paragraph>
      <Table<VolumePublicCopyDto>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={v.publicCopies}
        locale={{ emptyText: '尚未生成公开版' }}
        columns={[
          { title: '公开版', dataIndex: 'version', width: 90, render: (n: number) => <Tag color="geekblue" data-testid="public-version">公开版 {n}</Tag> },
          { title: '依据', dataIndex: 'basedOnVersion', width: 80, render: (n: number) => `第 ${n} 版` },
          { title: '页数', dataIndex: 'pages', width: 120, render: (n: number, c) => `${n}（不予公开 ${c.withheldPages}）` },
          { title: 'SHA-256', dataIndex: 'sha256', width: 130, render: (s: string) => <Typography.Text className="cb-code" copyable={{ text: s }} title={s}>{shortHash(s)}</Typography.Text> },
          { title: '生成人', dataIndex: 'boundByName', width: 90, render: (n: string | null) => n ?? '—' },
          { title: '生成时间', dataIndex: 'boundAt', render: dateTimeText },
          {
            key: 'open',
            width: 160,
            render: (_: unknown, c) => (
              <Space size={4}>
                <Button size="small" icon={<EyeOutlined />} onClick={() => preview.show(c.version, true, `${v.targetName} · 公开版 ${c.version}（${c.pages} 页，不予公开 ${c.withheldPages} 页）`)} data-testid="public-preview">
                  预览
                </Button>
                <Button size="small" icon={<FilePdfOutlined />} disabled={opener.busy} onClick={() => void opener.open(v.id, c.version, true)} data-testid="public-open">
                  打开
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PublicCopyModal volume={v} open={open} onClose={() => setOpen(false)} />
      <PdfPreviewModal source={preview.source} title={preview.title} onClose={preview.close} />
    </Card>
  );
}

/** The public-copy job followed like 装订 (events + poll) until the new public version exists. */
function PublicCopyModal({ volume: v, open, onClose }: { volume: VolumeDto; open: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const start = useRpcMutation('volumes.bindPublic');
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const job = useJob(jobId);
  const running = jobId !== null && (!job.data || isJobActive(job.data));
  const finished = job.data !== undefined && !isJobActive(job.data);
  const result = job.data?.state === 'succeeded' ? (job.data.result as { version?: number; withheldPages?: number } | null) : null;

  useEffect(() => {
    if (job.data && !isJobActive(job.data)) void queryClient.invalidateQueries({ queryKey: ['volumes.get'] });
  }, [job.data?.state, queryClient]);

  const close = () => {
    setJobId(null);
    setProblem(null);
    onClose();
  };
  const run = async () => {
    setProblem(null);
    try {
      setJobId((await start.mutateAsync({ id: v.id })).jobId);
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  return (
    <Modal
      open={open}
      title="生成公开版"
      okText={finished ? '完成' : '开始生成'}
      cancelText="关闭"
      onOk={() => (finished ? close() : void run())}
      onCancel={close}
      confirmLoading={start.isPending || running}
      okButtonProps={testId('public-ok')}
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined }}
      width={520}
      destroyOnHidden
      maskClosable={false}
    >
      {jobId === null ? (
        <div style={{ display: 'grid', gap: 12 }}>
          <Typography.Text>
            按第 {v.bindings[0]?.version ?? '—'} 版的结构生成公开版：标记为不予公开的页面（或整份文件的每一页）以说明理由的占位页代替，原页面不写入公开版文件；目录中整份不予公开的文件题名显示为“[不予公开]”，备考表只列不予公开的页数和理由。
          </Typography.Text>
          <ProblemAlert problem={problem} testId="public-problem" />
        </div>
      ) : (
        <div style={{ display: 'grid', gap: 12 }} data-testid="public-progress">
          <Typography.Text>{finished ? (job.data?.state === 'succeeded' ? '公开版已生成' : '公开版未生成') : '正在生成公开版…'}</Typography.Text>
          <Progress percent={job.data ? jobPercent(job.data) : 0} status={job.data ? STATUS[job.data.state] : 'active'} />
          {result?.version ? <Alert type="success" showIcon title={`已形成公开版 ${result.version}（不予公开 ${result.withheldPages ?? 0} 页）`} data-testid="public-done" /> : null}
          {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} data-testid="public-failed" /> : null}
        </div>
      )}
    </Modal>
  );
}
