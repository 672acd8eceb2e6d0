import { FileDoneOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';

/** 回执: the receiver's signed receipt closes an outgoing transfer (已发送 → 已收到回执). */
export function ReceiptImportCard() {
  const importReceipt = useRpcMutation('transfers.importReceipt');
  const action = useInspectionAction();
  const [file, setFile] = useState('');
  const run = () => void action.run(() => importReceipt.mutateAsync({ file: file.trim() }), '回执已导入，移交已办结').then((ok) => ok && setFile(''));
  return (
    <Card size="small" title="导入回执" data-testid="transfer-receipt">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">接收单位出具的签名回执（移交回执-….json）。</Typography.Text>
        <Space.Compact style={{ width: '100%' }}>
          <Input value={file} onChange={(e) => setFile(e.target.value)} onPressEnter={() => file.trim() && run()} placeholder="回执文件的完整路径" className="cb-code" aria-label="回执文件" data-testid="transfer-receipt-file" />
          <Button icon={<FileDoneOutlined />} disabled={file.trim() === ''} loading={importReceipt.isPending} onClick={run} data-testid="transfer-receipt-import">
            导入回执
          </Button>
        </Space.Compact>
        <ProblemAlert problem={action.problem} testId="transfer-receipt-problem" />
      </Space>
    </Card>
  );
}
