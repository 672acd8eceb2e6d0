import { CloudUploadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { FolderInput } from '../../forms/FolderInput';
import { useState } from 'react';
import type { JobDto } from '../../../shared/contract/jobs';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { dateTimeText } from '../inspections/inspection-labels';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { JOB_KIND_LABELS, JOB_STATE_COLORS, JOB_STATE_LABELS, isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { JobOutcome } from '../transfers/JobOutcome';
import { backupResultText, isBackupJob, type BackupCheck, type BackupRun } from './backup-results';
import { RestoreCard } from './RestoreCard';

/**
 * 数据备份与恢复 (#/backup): back the data folder up to a folder or drive (incremental by content hash),
 * verify a backup, the recent results; restoring (admins) goes to a new empty folder.
 */
export function BackupPage() {
  const user = useCurrentUser();
  const runBackup = useRpcMutation('backup.run');
  const verify = useRpcMutation('backup.verify');
  const action = useInspectionAction();
  const [dir, setDir] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const jobs = useRpc('jobs.list', { limit: 200 }, { refetchInterval: (q) => (q.state.data?.some((j) => isBackupJob(j) && isJobActive(j)) ? 3_000 : false) });
  const start = (method: 'run' | 'verify') => {
    setJobId(null);
    const call = method === 'run' ? runBackup : verify;
    void action.run(async () => setJobId((await call.mutateAsync({ dir: dir.trim() })).jobId), method === 'run' ? '备份已开始' : '校验已开始');
  };

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="backup-page">
      <Card size="small" title="数据备份">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            把整个数据文件夹（数据库在线备份 + 全部文件）备份到另一个文件夹或移动硬盘。再次备份到同一文件夹时只复制新增的文件（按内容哈希）。备份文件夹不能在数据文件夹之内。
          </Typography.Text>
          <Space.Compact style={{ width: '100%', maxWidth: 820 }}>
            <FolderInput value={dir} onChange={setDir} title="选择备份文件夹" placeholder="备份文件夹的完整路径，如 /media/usb/casebinder-备份" ariaLabel="备份文件夹" testId="backup-dir" style={{ flex: 1 }} />
            <Button type="primary" icon={<CloudUploadOutlined />} disabled={dir.trim() === ''} loading={runBackup.isPending} onClick={() => start('run')} data-testid="backup-run">
              开始备份
            </Button>
            <Button icon={<SafetyCertificateOutlined />} disabled={dir.trim() === ''} loading={verify.isPending} onClick={() => start('verify')} data-testid="backup-verify">
              校验备份
            </Button>
          </Space.Compact>
          <ProblemAlert problem={action.problem} testId="backup-problem" />
          {jobId !== null ? <JobOutcome jobId={jobId} testId="backup-job" done={(r, job) => <BackupDone kind={job.kind} result={r} />} /> : null}
        </Space>
      </Card>
      <Card size="small" title="最近的备份、校验和恢复">
        <Table<JobDto>
          size="small"
          rowKey="id"
          pagination={false}
          loading={jobs.isLoading}
          dataSource={(jobs.data ?? []).filter(isBackupJob)}
          locale={{ emptyText: '最近没有备份记录' }}
          data-testid="backup-results"
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 150, render: dateTimeText },
            { title: '任务', dataIndex: 'kind', width: 130, render: (k: JobDto['kind']) => JOB_KIND_LABELS[k] },
            { title: '状态', dataIndex: 'state', width: 90, render: (s: JobDto['state']) => <Tag color={JOB_STATE_COLORS[s]}>{JOB_STATE_LABELS[s]}</Tag> },
            { title: '结果', key: 'result', render: (_: unknown, j) => (isJobActive(j) ? <JobProgress job={j} compact /> : j.state === 'failed' ? MESSAGES_ZH[j.errorCode ?? 'INTERNAL'] : backupResultText(j)) },
          ]}
        />
      </Card>
      {user.roles.includes('admin') ? <RestoreCard /> : null}
    </div>
  );
}

function BackupDone({ kind, result }: { kind: JobDto['kind']; result: unknown }) {
  if (kind === 'backup.verify') {
    const c = result as BackupCheck;
    return c.ok ? (
      <Alert type="success" showIcon title={`备份完好：${c.files} 个文件的 SHA-256 均与清单一致`} data-testid="backup-verified" />
    ) : (
      <Alert type="error" showIcon title={`备份有 ${c.problems.length} 处问题`} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{c.problems.slice(0, 20).map((p) => <li key={p.path}>{p.path}：{p.problem}</li>)}</ul>} data-testid="backup-damaged" />
    );
  }
  const b = result as BackupRun;
  return <Alert type="success" showIcon title={`备份完成：${b.blobs} 个文件（新复制 ${b.copied}，沿用 ${b.reused}）`} description={<Typography.Text copyable style={{ wordBreak: 'break-all' }}>{b.dir}</Typography.Text>} data-testid="backup-done" />;
}
