import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { navigate } from '../../router/navigation';
import { useCurrentUser } from '../auth/session-context';
import { mayEditDirectories } from '../directory/directory-permissions';
import { DirectoryExportButton } from '../exports/DirectoryExportButton';
import { DirectoryImportTools } from '../imports/DirectoryImportTools';
import { ExpertFormModal } from './ExpertFormModal';
import { ExpertList } from './ExpertList';
import { todayIso } from './inspector-labels';
import { readInspectorListState, readTab, toInspectorFilterInput, type InspectorsTab } from './inspector-list-params';
import { InspectorFormModal } from './InspectorFormModal';
import { InspectorList } from './InspectorList';

/** 执法检查人员名录库 and, on a second tab, the 专家库 (非执法人员). */
export function InspectorsPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const tab = readTab(params);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const editable = mayEditDirectories(user.roles);
  const switchTo = (next: InspectorsTab) => {
    setOpenId(null);
    navigate(next === 'experts' ? '/inspectors?tab=experts' : '/inspectors', { replace: true });
  };

  return (
    <Card
      title="执法检查人员名录"
      data-testid="inspectors-page"
      extra={
        <Space>
          {tab === 'inspectors' ? <DirectoryImportTools directory="inspectors" /> : null}
          {tab === 'inspectors' ? <DirectoryExportButton directory="inspectors" filter={toInspectorFilterInput(readInspectorListState(params), todayIso())} /> : null}
          {editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={tab === 'experts' ? 'experts-new' : 'inspectors-new'}>
              {tab === 'experts' ? '新增专家' : '新增执法检查人员'}
            </Button>
          ) : null}
        </Space>
      }
      styles={{ body: { paddingTop: 4 } }}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => switchTo(key as InspectorsTab)}
        items={[
          { key: 'inspectors', label: '执法检查人员', children: tab === 'inspectors' ? <InspectorList params={params} openId={openId} onOpen={setOpenId} /> : null },
          { key: 'experts', label: '专家库（非执法人员）', children: tab === 'experts' ? <ExpertList params={params} openId={openId} onOpen={setOpenId} /> : null },
        ]}
      />
      {tab === 'experts' ? (
        <ExpertFormModal expert={null} open={creating} onClose={() => setCreating(false)} onSaved={(e) => setOpenId(e.id)} />
      ) : (
        <InspectorFormModal inspector={null} open={creating} onClose={() => setCreating(false)} onSaved={(i) => setOpenId(i.id)} />
      )}
    </Card>
  );
}
