import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { FolderInput } from '../../forms/FolderInput';
import { useState } from 'react';
import { hrefOf } from '../../router/navigation';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { JobOutcome } from './JobOutcome';

type ImportResult = { packageId?: string; from?: { name: string }; volumes?: { volumeId: number; title: string }[]; receiptFile?: string };

/**
 * 接收: a package folder from another bureau (USB); the core checks the signature (a trusted key) and every
 * SHA-256, imports the volumes under this bureau's custody and writes a signed receipt for the sender.
 */
export function TransferImportCard() {
  const start = useRpcMutation('transfers.import');
  const action = useInspectionAction();
  const [dir, setDir] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const run = () => {
    setJobId(null);
    void action.run(async () => setJobId((await start.mutateAsync({ dir: dir.trim() })).jobId), '已开始校验并接收移交包');
  };

  return (
    <Card size="small" title="接收：导入移交包" data-testid="transfer-import">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">填写发送单位交来的移交包文件夹（含 bagit.txt）。签名须来自已信任的单位公钥；任何文件被改动、缺失或重复导入，都不导入任何内容。</Typography.Text>
        <Space.Compact style={{ width: '100%' }}>
          <FolderInput value={dir} onChange={setDir} onPressEnter={() => dir.trim() && run()} title="选择移交包文件夹" placeholder="移交包文件夹的完整路径" ariaLabel="移交包文件夹" testId="transfer-import-dir" style={{ flex: 1 }} />
          <Button type="primary" icon={<ImportOutlined />} disabled={dir.trim() === ''} loading={start.isPending} onClick={run} data-testid="transfer-import-start">
            校验并接收
          </Button>
        </Space.Compact>
        <ProblemAlert problem={action.problem} testId="transfer-import-problem" />
        {jobId !== null ? (
          <JobOutcome
            jobId={jobId}
            testId="transfer-import-job"
            done={(raw) => {
              const r = (raw ?? {}) as ImportResult;
              return (
                <Alert
                  type="success"
                  showIcon
                  title={`已接收 ${r.from?.name ?? ''} 移交的 ${r.volumes?.length ?? 0} 卷，由本单位保管`}
                  description={
                    <div>
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {(r.volumes ?? []).map((v) => (
                          <li key={v.volumeId}>
                            <a href={hrefOf(`/volumes/${v.volumeId}`)}>{v.title}</a>
                          </li>
                        ))}
                      </ul>
                      回执文件：<Typography.Text copyable style={{ wordBreak: 'break-all' }}>{r.receiptFile}</Typography.Text>（请交回发送单位导入办结）
                    </div>
                  }
                />
              );
            }}
          />
        ) : null}
      </Space>
    </Card>
  );
}
