import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../auth/session-context';
import { InboxDocuments } from './InboxDocuments';
import { ScanBatches } from './ScanBatches';
import { ScanImportPanel } from './ScanImportPanel';
import { scanPermissions } from './scan-labels';
import { WatchedFoldersCard } from './WatchedFoldersCard';
import './scans.css';

/** 扫描收件箱 (#/scans): import (files, drop, 扫描仪, 高拍仪, hot folders), recent batches with progress, the inbox documents, the watched folders. */
export function ScanInboxPage() {
  const user = useCurrentUser();
  const can = scanPermissions(user.roles);
  const [started, setStarted] = useState<number | null>(null);
  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="scans-page">
      <Space align="baseline" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          扫描收件箱
        </Typography.Title>
        <Typography.Text type="secondary">识别后的扫描件在此复核、著录，再归入专卷；低置信度页面标为“待复核”。</Typography.Text>
      </Space>
      {can.edit ? <ScanImportPanel onStarted={setStarted} /> : null}
      <ScanBatches highlight={started} />
      <InboxDocuments can={can} />
      {user.roles.some((r) => r === 'admin' || r === 'clerk') ? <WatchedFoldersCard /> : null}
    </div>
  );
}
