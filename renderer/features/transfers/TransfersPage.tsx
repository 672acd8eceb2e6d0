import { Card, Typography } from 'antd';
import { ReceiptImportCard } from './ReceiptImportCard';
import { TransferExportCard } from './TransferExportCard';
import { TransferImportCard } from './TransferImportCard';
import { TransferKeysCard } from './TransferKeysCard';
import { TransferList } from './TransferList';

/**
 * 档案移交 (#/transfers): packages to another bureau (BagIt, signed), packages received, receipts, the
 * list of transfers, and the signing keys. Works offline: packages and receipts travel on a USB drive.
 */
export function TransfersPage() {
  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="transfers-page">
      <Card title="档案移交" size="small">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          检查实施单位不是保管单位，或管辖变更（迁出）时，把专卷移交给保管单位：生成移交包（含最新装订版、公开版、元数据和原始文件，以本单位密钥签名），由接收单位校验导入并出具签名回执，发送单位导入回执后办结。
        </Typography.Paragraph>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16, alignItems: 'start' }}>
        <TransferExportCard />
        <div style={{ display: 'grid', gap: 16 }}>
          <TransferImportCard />
          <ReceiptImportCard />
        </div>
      </div>
      <Card size="small" title="移交记录">
        <TransferList />
      </Card>
      <TransferKeysCard />
    </div>
  );
}
