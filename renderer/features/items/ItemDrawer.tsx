import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ITEM_STATUS_LABELS } from '../../../shared/domain/items';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { ChangeHistory } from '../directory/ChangeHistory';
import { mayEditDirectories } from '../directory/directory-permissions';
import { formatItemValue, ITEM_FIELD_LABELS } from './item-labels';
import { ItemFields } from './ItemFields';
import { ItemFormModal } from './ItemFormModal';
import { ItemVersions } from './ItemVersions';

/** 抽查事项 detail: every field, the versions of its list, the change history, and 编辑. */
export function ItemDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const [editing, setEditing] = useState(false);
  const item = useRpc('items.get', { id: id ?? 0 }, { enabled: id !== null, staleTime: 0 });
  const history = useRpc('items.history', { id: id ?? 0 }, { enabled: id !== null });
  const data = id !== null ? item.data : undefined;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        data ? (
          <Space size={8}>
            <span data-testid="item-drawer-title">{data.name}</span>
            {data.status === 'retired' ? <Tag>{ITEM_STATUS_LABELS[data.status]}</Tag> : null}
          </Space>
        ) : (
          '抽查事项'
        )
      }
      extra={
        data && mayEditDirectories(user.roles) && data.status === 'active' ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="item-edit">
            编辑
          </Button>
        ) : null
      }
    >
      <div data-testid="item-drawer" style={{ display: 'grid', gap: 16 }}>
        {item.error ? <Alert type="error" showIcon title={failureMessage(item.error)} /> : null}
        {!data && !item.error ? <Skeleton active /> : null}
        {data ? (
          <>
            <ItemFields item={data} />
            <div>
              <Typography.Title level={5}>清单版本</Typography.Title>
              <ItemVersions item={data} />
            </div>
            <div>
              <Typography.Title level={5}>变更历史</Typography.Title>
              <ChangeHistory
                testId="item-history"
                entries={history.data}
                loading={history.isLoading}
                error={history.error}
                labels={ITEM_FIELD_LABELS}
                format={(field, value) => formatItemValue(field, value, bureaus.nameOf)}
              />
            </div>
            <ItemFormModal item={data} open={editing} onClose={() => setEditing(false)} />
          </>
        ) : null}
      </div>
    </Drawer>
  );
}
