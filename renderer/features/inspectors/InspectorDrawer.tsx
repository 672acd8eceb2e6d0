import { EditOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { INSPECTOR_STATUS_LABELS } from '../../../shared/domain/inspectors';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { ChangeHistory } from '../directory/ChangeHistory';
import { DetailDrawer } from '../directory/DetailDrawer';
import { DrawerSection } from '../directory/DrawerSection';
import { mayEditDirectories, mayManageRecusals } from '../directory/directory-permissions';
import { formatInspectorValue, INSPECTOR_FIELD_LABELS } from './inspector-labels';
import { InspectorAbsences } from './InspectorAbsences';
import { InspectorFields } from './InspectorFields';
import { InspectorFormModal } from './InspectorFormModal';
import { InspectorRecusals } from './InspectorRecusals';

/** 执法检查人员 detail: fields, 不在岗期间, 回避, 变更历史; 编辑 and 在岗/离岗. */
export function InspectorDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const detail = useRpc('inspectors.get', { id: id ?? 0 }, { enabled: id !== null, staleTime: 0 });
  const history = useRpc('inspectors.history', { id: id ?? 0 }, { enabled: id !== null });
  const setStatus = useRpcMutation('inspectors.setStatus');
  const d = id !== null ? detail.data : undefined;
  const editable = mayEditDirectories(user.roles);

  const toggleStatus = () => {
    if (!d) return;
    const status = d.status === 'active' ? 'inactive' : 'active';
    setStatus.mutate(
      { id: d.id, status, expectedVersion: d.version },
      { onSuccess: () => void message.success(`已设为${INSPECTOR_STATUS_LABELS[status]}`), onError: (e) => void message.error(failureMessage(e)) },
    );
  };

  return (
    <DetailDrawer
      testId="inspector-drawer"
      id={id}
      onClose={onClose}
      size={780}
      data={d}
      error={detail.error}
      fallbackTitle="执法检查人员"
      tag={(d) => (d.status === 'inactive' ? <Tag>{INSPECTOR_STATUS_LABELS[d.status]}</Tag> : null)}
      extra={(d) =>
        editable ? (
          <Space>
            <Button onClick={toggleStatus} loading={setStatus.isPending} data-testid="inspector-status-toggle">
              {d.status === 'active' ? '设为离岗' : '设为在岗'}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="inspector-edit">
              编辑
            </Button>
          </Space>
        ) : null
      }
    >
      {(d) => (
        <>
          <InspectorFields inspector={d} />
          <DrawerSection title="不在岗期间">
            <InspectorAbsences inspectorId={d.id} absences={d.absences} editable={editable} />
          </DrawerSection>
          <DrawerSection title="回避">
            <InspectorRecusals inspectorId={d.id} recusals={d.recusals} editable={mayManageRecusals(user.roles)} />
          </DrawerSection>
          <DrawerSection title="变更历史">
            <ChangeHistory
              testId="inspector-history"
              entries={history.data}
              loading={history.isLoading}
              error={history.error}
              labels={INSPECTOR_FIELD_LABELS}
              format={(field, value) => formatInspectorValue(field, value, bureaus.nameOf)}
            />
          </DrawerSection>
          <InspectorFormModal inspector={d} open={editing} onClose={() => setEditing(false)} />
        </>
      )}
    </DetailDrawer>
  );
}
