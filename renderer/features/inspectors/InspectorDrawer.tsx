import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { INSPECTOR_STATUS_LABELS } from '../../../shared/domain/inspectors';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { ChangeHistory } from '../directory/ChangeHistory';
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
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={780}
      destroyOnHidden
      title={
        d ? (
          <Space size={8}>
            <span data-testid="inspector-drawer-title">{d.name}</span>
            {d.status === 'inactive' ? <Tag>{INSPECTOR_STATUS_LABELS[d.status]}</Tag> : null}
          </Space>
        ) : (
          '执法检查人员'
        )
      }
      extra={
        d && editable ? (
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
      <div data-testid="inspector-drawer" style={{ display: 'grid', gap: 16 }}>
        {detail.error ? <Alert type="error" showIcon title={failureMessage(detail.error)} /> : null}
        {!d && !detail.error ? <Skeleton active /> : null}
        {d ? (
          <>
            <InspectorFields inspector={d} />
            <div>
              <Typography.Title level={5}>不在岗期间</Typography.Title>
              <InspectorAbsences inspectorId={d.id} absences={d.absences} editable={editable} />
            </div>
            <div>
              <Typography.Title level={5}>回避</Typography.Title>
              <InspectorRecusals inspectorId={d.id} recusals={d.recusals} editable={mayManageRecusals(user.roles)} />
            </div>
            <div>
              <Typography.Title level={5}>变更历史</Typography.Title>
              <ChangeHistory
                testId="inspector-history"
                entries={history.data}
                loading={history.isLoading}
                error={history.error}
                labels={INSPECTOR_FIELD_LABELS}
                format={(field, value) => formatInspectorValue(field, value, bureaus.nameOf)}
              />
            </div>
            <InspectorFormModal inspector={d} open={editing} onClose={() => setEditing(false)} />
          </>
        ) : null}
      </div>
    </Drawer>
  );
}
