import { Alert, Breadcrumb, Card, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { hrefOf, navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { BasicsTab } from './BasicsTab';
import { DeadlinesPanel } from './DeadlinesPanel';
import { DocumentsTab } from './DocumentsTab';
import { FollowUpTab } from './FollowUpTab';
import { InspectionHeader } from './InspectionHeader';
import { inspectionPermissions } from './inspection-permissions';
import { MembersTab } from './MembersTab';
import { PublicationTab } from './PublicationTab';
import { ResultTab } from './ResultTab';
import { ReviewTab } from './ReviewTab';
import { SigningTab } from './SigningTab';

const TABS = ['basics', 'members', 'documents', 'signing', 'result', 'review', 'follow-up', 'publication'] as const;
type TabKey = (typeof TABS)[number];

/** The tab that matters in each state, when the address names none. */
function defaultTab(i: InspectionDto): TabKey {
  switch (i.status) {
    case 'pending':
      return 'documents';
    case 'in_progress':
      return 'signing';
    case 'awaiting_entry':
      return i.signing ? 'result' : 'signing';
    case 'awaiting_review':
      return 'review';
    case 'reviewed':
      return i.followUpStatus === 'open' ? 'follow-up' : 'publication';
    case 'published':
      return i.followUpStatus === 'open' ? 'follow-up' : 'publication';
  }
}

/** 检查任务 of one drawn target: header and steps, deadlines, then one tab per part of the work. */
export function InspectionPage({ id, params }: { id: number; params: URLSearchParams }) {
  const detail = useRpc('inspections.get', { id }, { staleTime: 0 });
  if (detail.error) return <Alert type="error" showIcon title={failureMessage(detail.error)} action={<a href={hrefOf('/inspections')}>返回检查任务</a>} />;
  if (!detail.data) return <Skeleton active />;
  return <InspectionScreen inspection={detail.data} params={params} />;
}

function InspectionScreen({ inspection: i, params }: { inspection: InspectionDto; params: URLSearchParams }) {
  const user = useCurrentUser();
  // The tab the state called for when the screen opened: it stays put while the state moves on under the user.
  const [opened] = useState(() => defaultTab(i));
  const can = inspectionPermissions(user, i);
  const asked = params.get('tab');
  const tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as TabKey) : opened;

  const items = [
    { key: 'basics', label: '基本情况', children: <BasicsTab inspection={i} can={can} /> },
    { key: 'members', label: '检查人员', children: <MembersTab inspection={i} can={can} /> },
    { key: 'documents', label: '文书', children: <DocumentsTab inspection={i} can={can} /> },
    { key: 'signing', label: '签字情况', children: <SigningTab inspection={i} can={can} /> },
    { key: 'result', label: '检查结果', children: <ResultTab inspection={i} can={can} /> },
    { key: 'review', label: '复核', children: <ReviewTab inspection={i} can={can} /> },
    { key: 'follow-up', label: '后续处置', children: <FollowUpTab inspection={i} can={can} /> },
    { key: 'publication', label: '公示', children: <PublicationTab inspection={i} /> },
  ];

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="inspection-page">
      <Breadcrumb items={[{ title: <a href={hrefOf('/inspections')}>检查任务</a> }, { title: i.targetName }]} />
      <InspectionHeader inspection={i} can={can} />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: 16, alignItems: 'start' }}>
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => navigate(`/inspections/${i.id}?tab=${key}`, { replace: true })}
            items={items.map((t) => ({ ...t, label: <span data-testid={`tab-${t.key}`}>{t.label}</span> }))}
            destroyOnHidden
            data-testid="inspection-tabs"
          />
        </Card>
        <DeadlinesPanel deadlines={i.deadlines} />
      </div>
    </div>
  );
}
