import { EditOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { ITEM_STATUS_LABELS } from '../../../shared/domain/items';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { ChangeHistory } from '../directory/ChangeHistory';
import { DetailDrawer } from '../directory/DetailDrawer';
import { DrawerSection } from '../directory/DrawerSection';
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
    <DetailDrawer
      testId="item-drawer"
      id={id}
      onClose={onClose}
      size={760}
      data={data}
      error={item.error}
      fallbackTitle="抽查事项"
      tag={(data) => (data.status === 'retired' ? <Tag>{ITEM_STATUS_LABELS[data.status]}</Tag> : null)}
      extra={(data) =>
        mayEditDirectories(user.roles) && data.status === 'active' ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="item-edit">
            编辑
          </Button>
        ) : null
      }
    >
      {(data) => (
        <>
          <ItemFields item={data} />
          <DrawerSection title="清单版本">
            <ItemVersions item={data} />
          </DrawerSection>
          <DrawerSection title="变更历史">
            <ChangeHistory
              testId="item-history"
              entries={history.data}
              loading={history.isLoading}
              error={history.error}
              labels={ITEM_FIELD_LABELS}
              format={(field, value) => formatItemValue(field, value, bureaus.nameOf)}
            />
          </DrawerSection>
          <ItemFormModal item={data} open={editing} onClose={() => setEditing(false)} />
        </>
      )}
    </DetailDrawer>
  );
}
