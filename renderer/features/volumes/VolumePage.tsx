import { BookOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Skeleton } from 'antd';
import { useState } from 'react';
import type { VolumeDto } from '../../../shared/contract/volumes';
import { hrefOf } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { lockedWhileArchiving } from '../archives/archive-labels';
import { ArchiveBanner } from '../archives/ArchiveBanner';
import { ArchivePanel } from '../archives/ArchivePanel';
import { BindModal } from './BindModal';
import { ChecklistPanel } from './ChecklistPanel';
import { VolumeDocuments } from './VolumeDocuments';
import { VolumeDeadlines } from './VolumeDeadlines';
import { VolumeHeader } from './VolumeHeader';
import { PublicCopies } from './PublicCopies';
import { VolumeVersions } from './VolumeVersions';
import { volumePermissions } from './volume-labels';

/** 专卷工作台 (#/volumes/:id): header, 卷内文件 in binding order, 装订版本, 公开版; the checklist alongside. */
export function VolumePage({ id }: { id: number }) {
  const detail = useRpc('volumes.get', { id }, { staleTime: 0 });
  if (detail.error) return <Alert type="error" showIcon title={failureMessage(detail.error)} action={<a href={hrefOf('/volumes')}>返回抽查专卷</a>} />;
  if (!detail.data) return <Skeleton active />;
  return <VolumeScreen volume={detail.data} />;
}

function VolumeScreen({ volume: v }: { volume: VolumeDto }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const can = lockedWhileArchiving(volumePermissions(user.roles), v.status);
  const [binding, setBinding] = useState(false);
  const bindButton = can.bind ? (
    <Button type="primary" icon={<BookOutlined />} onClick={() => setBinding(true)} data-testid="volume-bind">
      装订
    </Button>
  ) : null;

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="volume-page">
      <Breadcrumb items={[{ title: <a href={hrefOf('/volumes')}>抽查专卷</a> }, { title: v.targetName }]} />
      <VolumeHeader volume={v} can={can} />
      <ArchiveBanner volume={v} />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 300px', gap: 16, alignItems: 'start' }}>
        <div style={{ display: 'grid', gap: 16, minWidth: 0 }}>
          <VolumeDocuments volume={v} can={can} />
          <VolumeVersions volume={v} extra={bindButton} />
          <PublicCopies volume={v} can={can} />
          <ArchivePanel volume={v} />
        </div>
        <div style={{ display: 'grid', gap: 16, minWidth: 0 }}>
          <ChecklistPanel volume={v} />
          <VolumeDeadlines inspectionId={v.inspectionId} />
        </div>
      </div>
      <BindModal
        volume={v}
        can={can}
        open={binding}
        onClose={(version) => {
          setBinding(false);
          if (version !== null) void message.success(`已装订第 ${version} 版`);
        }}
      />
    </div>
  );
}
