import { Alert, Descriptions, Divider, Skeleton, Typography } from 'antd';
import { RETENTION_LABELS } from '../../../shared/domain/volumes/volumes';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { VolumeLoans } from '../lending/VolumeLoans';
import { ArchivedFileStatus } from './ArchivedFileStatus';
import { LocationSection } from './LocationSection';
import { SupplementSection } from './SupplementSection';

/** The archive record of an archived volume: 档号, retention, what was archived, by whom; location and supplements. */
export function ArchiveRecord({ volumeId, canEdit }: { volumeId: number; canEdit: boolean }) {
  const record = useRpc('archives.get', { volumeId });
  if (record.error) return <Alert type="error" showIcon title={failureMessage(record.error)} />;
  if (record.data === undefined) return <Skeleton active />;
  const a = record.data;
  if (!a) return null;
  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="archive-record">
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="档号" span={3}>
          <Typography.Text strong copyable className="cb-code" data-testid="archive-no">
            {a.archiveNo}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="保管期限">
          <span data-testid="archive-retention">{RETENTION_LABELS[a.retention]}</span>
        </Descriptions.Item>
        <Descriptions.Item label="年度">{a.year}</Descriptions.Item>
        <Descriptions.Item label="案卷号">{a.seq}</Descriptions.Item>
        {a.retentionReason ? (
          <Descriptions.Item label="改为永久的理由" span={3}>
            {a.retentionReason}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="归档版本">第 {a.bindingVersion} 版</Descriptions.Item>
        <Descriptions.Item label="归档人">{a.archivedByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="归档时间">{dateTimeText(a.archivedAt)}</Descriptions.Item>
      </Descriptions>
      <ArchivedFileStatus archive={a} canEdit={canEdit} />
      <Divider style={{ margin: '8px 0' }} />
      <LocationSection archive={a} canEdit={canEdit} />
      <Divider style={{ margin: '8px 0' }} />
      <SupplementSection archive={a} canEdit={canEdit} />
      <Divider style={{ margin: '8px 0' }} />
      <VolumeLoans volumeId={a.volumeId} canEdit={canEdit} />
    </div>
  );
}
