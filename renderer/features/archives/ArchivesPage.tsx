import { Card, Tabs } from 'antd';
import { navigate } from '../../router/navigation';
import { useCurrentUser } from '../auth/session-context';
import { archivePermissions } from './archive-labels';
import { ArchiveSettingsCard } from './ArchiveSettingsCard';
import { ArchiveVolumesTable } from './ArchiveVolumesTable';
import { FixitySection } from './FixitySection';

const TABS = ['archived', 'in_review', 'fixity', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** 档案管理 (#/archives): archived volumes and those in legal review, 四性检测, the 档号 and 案卷题名 rules; the tab lives in the address. */
export function ArchivesPage({ params }: { params: URLSearchParams }) {
  const can = archivePermissions(useCurrentUser().roles);
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'archived';
  const items = [
    { key: 'archived', label: '已归档', children: <ArchiveVolumesTable status="archived" /> },
    { key: 'in_review', label: '法制审核中', children: <ArchiveVolumesTable status="in_review" /> },
    { key: 'fixity', label: '四性检测', children: <FixitySection canCheck={can.check} /> },
    { key: 'settings', label: '档号与题名规则', children: <ArchiveSettingsCard /> },
  ];
  return (
    <Card title="档案管理" data-testid="archives-page" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/archives?tab=${key}`, { replace: true })}
        items={items.map((t) => ({ ...t, label: <span data-testid={`archives-tab-${t.key}`}>{t.label}</span> }))}
        destroyOnHidden
      />
    </Card>
  );
}
