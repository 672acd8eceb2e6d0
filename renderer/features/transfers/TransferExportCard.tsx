import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select, Typography } from 'antd';
import { FolderInput } from '../../forms/FolderInput';
import { useState } from 'react';
import { applyServerError } from '../../forms/server-errors';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { bytesText } from './transfer-labels';
import { JobOutcome } from './JobOutcome';

type Values = { volumeIds: number[]; toBureauId: number; outDir?: string };
type ExportResult = { packageId?: string; dir?: string; volumes?: number; files?: number; bytes?: number; keyId?: string };

/** 移出: bound volumes → a signed BagIt package in a new, empty folder (typed path; blank = the data folder's exports/). */
export function TransferExportCard() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const [form] = Form.useForm<Values>();
  const volumes = useRpc('volumes.list', { pageSize: 500 }, { staleTime: 30_000 });
  const start = useRpcMutation('transfers.export');
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setProblem(null);
    setJobId(null);
    try {
      const outDir = values.outDir?.trim();
      setJobId((await start.mutateAsync({ volumeIds: values.volumeIds, toBureauId: values.toBureauId, ...(outDir ? { outDir } : {}) })).jobId);
    } catch (error) {
      setProblem(applyServerError(form, error, { fieldNames: ['volumeIds', 'toBureauId', 'outDir'] }));
    }
  };

  return (
    <Card size="small" title="移出：生成移交包" data-testid="transfer-export">
      <Form form={form} layout="vertical" name="transfer-export" onFinish={(v) => void submit(v)}>
        <Form.Item name="volumeIds" label="移交的专卷（已装订）" rules={[{ required: true, message: '请选择专卷' }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(volumes.data?.items ?? []).filter((v) => v.boundVersion !== null).map((v) => ({ value: v.id, label: v.title }))}
            placeholder="选择一个或多个已装订的专卷"
            data-testid="transfer-export-volumes"
          />
        </Form.Item>
        <Form.Item name="toBureauId" label="接收单位" rules={[{ required: true, message: '请选择接收单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={bureauOptions(bureaus.list.filter((b) => b.id !== user.bureauId))} placeholder="检查对象所在地的市场监管部门" data-testid="transfer-export-to" />
        </Form.Item>
        <Form.Item name="outDir" label="输出文件夹" extra="填写一个新的或空的文件夹完整路径（如移动硬盘上的文件夹）；留空则写入数据文件夹的 exports/ 下。">
          <FolderInput title="选择移交包的输出文件夹" placeholder="例如 /media/usb/移交-210102" testId="transfer-export-dir" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<ExportOutlined />} loading={start.isPending} data-testid="transfer-export-start">
          生成移交包
        </Button>
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
      {jobId !== null ? (
        <div style={{ marginTop: 12 }}>
          <JobOutcome
            jobId={jobId}
            testId="transfer-export-job"
            done={(raw) => {
              const r = (raw ?? {}) as ExportResult;
              return (
                <Alert
                  type="success"
                  showIcon
                  title={`移交包已生成：${r.volumes ?? 0} 卷，${r.files ?? 0} 个文件，${bytesText(r.bytes ?? 0)}`}
                  description={
                    <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-all' }}>
                      文件夹：<Typography.Text copyable style={{ wordBreak: 'break-all' }}>{r.dir}</Typography.Text>
                      <br />
                      移交包编号 {r.packageId}，签名密钥编号 {r.keyId}。请将整个文件夹交给接收单位，收到其回执后在下方导入回执办结。
                    </Typography.Paragraph>
                  }
                />
              );
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}
