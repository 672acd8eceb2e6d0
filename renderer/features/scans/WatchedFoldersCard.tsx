import { FolderAddOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { FolderInput } from '../../forms/FolderInput';
import { useState } from 'react';
import type { WatchedFolderDto } from '../../../shared/contract/scans';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { actionProblem } from '../inspections/action-problem';
import { ProblemAlert } from '../inspections/ProblemAlert';
import type { Problem } from '../inspections/use-inspection-action';
import { testId } from './scan-labels';

/**
 * 监视文件夹: folders besides the data folder's inbox/ whose scans are imported on their own (e.g. where a
 * networked scanner saves), each for one bureau; processed files move into its processed/ or failed/.
 * The path is typed (the web host cannot open a folder dialog); the core checks it exists and is writable.
 */
export function WatchedFoldersCard() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const folders = useRpc('scans.folders', {});
  const add = useRpcMutation('scans.addFolder');
  const toggle = useRpcMutation('scans.setFolderEnabled');
  const [folderPath, setFolderPath] = useState('');
  const [bureauId, setBureauId] = useState<number>(user.bureauId);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<Problem>(null);

  const submit = async () => {
    if (folderPath.trim() === '') return;
    setProblem(null);
    try {
      await add.mutateAsync({ path: folderPath.trim(), bureauId, label: label.trim() || null });
      setFolderPath('');
      setLabel('');
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };
  const setEnabled = async (f: WatchedFolderDto, enabled: boolean) => {
    setProblem(null);
    try {
      await toggle.mutateAsync({ id: f.id, version: f.version, enabled });
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  return (
    <Card size="small" title="监视文件夹" data-testid="watched-folders">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        除数据文件夹的 inbox 收件夹外，以下文件夹中的扫描件（JPEG、PNG、TIFF、PDF）也会自动导入为所属单位的批次；处理后移入该文件夹的 processed（成功）或 failed（失败）子文件夹，不会删除。
      </Typography.Paragraph>
      <Table<WatchedFolderDto>
        size="small"
        rowKey="id"
        pagination={false}
        loading={folders.isLoading}
        dataSource={folders.data ?? []}
        locale={{ emptyText: '尚未添加监视文件夹' }}
        columns={[
          { title: '文件夹', dataIndex: 'path', render: (p: string) => <span className="cb-code">{p}</span> },
          { title: '说明', dataIndex: 'label', width: 180, render: (l: string | null) => l ?? '—' },
          { title: '所属单位', dataIndex: 'bureauName', width: 200 },
          {
            title: '启用',
            key: 'enabled',
            width: 80,
            render: (_: unknown, f) => <Switch size="small" checked={f.enabled} loading={toggle.isPending} onChange={(on) => void setEnabled(f, on)} aria-label={`${f.enabled ? '停用' : '启用'}监视 ${f.path}`} data-testid="watched-folder-enabled" />,
          },
        ]}
        data-testid="watched-folder-table"
      />
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <FolderInput value={folderPath} onChange={setFolderPath} onPressEnter={() => void submit()} title="选择扫描件文件夹" placeholder="文件夹完整路径，如 /srv/scans/heping 或 D:\扫描件" ariaLabel="文件夹完整路径" testId="watched-folder-path" style={{ flex: 1 }} />
        <Select<number> value={bureauId} onChange={setBureauId} showSearch={{ optionFilterProp: 'label' }} options={bureauOptions(bureaus.within(user.bureauId))} style={{ width: 220 }} aria-label="所属单位" data-testid="watched-folder-bureau" />
        <Input value={label} onChange={(e) => setLabel(e.target.value)} onPressEnter={() => void submit()} maxLength={100} placeholder="说明（可选）" style={{ width: 200 }} aria-label="说明" />
        <Button type="primary" icon={<FolderAddOutlined />} disabled={folderPath.trim() === ''} loading={add.isPending} onClick={() => void submit()} {...testId('watched-folder-add')}>
          添加
        </Button>
      </Space.Compact>
      <ProblemAlert problem={problem} testId="watched-folder-problem" />
    </Card>
  );
}
