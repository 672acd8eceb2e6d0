import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { FolderInput } from '../../forms/FolderInput';
import { useState } from 'react';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { JobOutcome } from '../transfers/JobOutcome';
import type { Restored } from './backup-results';

/** 从备份恢复 (admins): into a NEW empty folder, never over the running data folder; verified before and after. */
export function RestoreCard() {
  const { modal } = App.useApp();
  const restore = useRpcMutation('backup.restore');
  const action = useInspectionAction();
  const [dir, setDir] = useState('');
  const [dataDir, setDataDir] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const ready = dir.trim() !== '' && dataDir.trim() !== '';

  const confirm = () =>
    modal.confirm({
      title: '从备份恢复到新文件夹',
      content: `将把备份 ${dir.trim()} 恢复到新的空文件夹 ${dataDir.trim()}。当前正在使用的数据文件夹不会被改动；恢复完成后，须以该文件夹作为数据文件夹重新启动程序才会使用恢复的数据。`,
      okText: '开始恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => {
        setJobId(null);
        void action.run(async () => setJobId((await restore.mutateAsync({ dir: dir.trim(), dataDir: dataDir.trim() })).jobId), '恢复已开始');
      },
    });

  return (
    <Card size="small" title="从备份恢复（管理员）" data-testid="restore-card">
      <Space orientation="vertical" style={{ width: '100%', maxWidth: 820 }}>
        <Alert
          type="warning"
          showIcon
          title="恢复只写入一个新的空文件夹，不会覆盖当前数据"
          description="先逐个校验备份文件的 SHA-256（损坏的备份不恢复），再复制、打开数据库（必要时升级）并校验审计链。恢复后请用 --data-dir 指向新文件夹启动程序，核对无误后再决定是否替换现用的数据文件夹。"
        />
        <label style={{ display: 'grid', gap: 4 }}>
          <Typography.Text>备份文件夹</Typography.Text>
          <FolderInput value={dir} onChange={setDir} title="选择要恢复的备份文件夹" placeholder="/media/usb/casebinder-备份" testId="restore-dir" />
        </label>
        <label style={{ display: 'grid', gap: 4 }}>
          <Typography.Text>恢复到（新的空文件夹，不能是当前数据文件夹）</Typography.Text>
          <FolderInput value={dataDir} onChange={setDataDir} title="选择恢复到的新的空文件夹" placeholder="/home/档案室/casebinder-恢复" testId="restore-data-dir" />
        </label>
        <Button danger icon={<RollbackOutlined />} disabled={!ready} loading={restore.isPending} onClick={confirm} data-testid="restore-start">
          恢复到新文件夹…
        </Button>
        <ProblemAlert problem={action.problem} testId="restore-problem" />
        {jobId !== null ? (
          <JobOutcome
            jobId={jobId}
            testId="restore-job"
            done={(raw) => {
              const r = raw as Restored;
              return (
                <Alert
                  type={r.auditOk ? 'success' : 'warning'}
                  showIcon
                  title={`已恢复 ${r.files} 个文件到 ${r.dataDir}`}
                  description={<Typography.Text>数据库版本 {r.schemaVersion}，审计日志 {r.auditEvents} 条，哈希链{r.auditOk ? '完整' : '有问题，请检查'}。</Typography.Text>}
                />
              );
            }}
          />
        ) : null}
      </Space>
    </Card>
  );
}
