import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { mayEditDirectories } from '../directory/directory-permissions';
import { DirectoryTable } from '../directory/DirectoryTable';
import { DirectoryExportButton } from '../exports/DirectoryExportButton';
import { DirectoryImportTools } from '../imports/DirectoryImportTools';
import { itemColumns } from './item-columns';
import { itemListPath, readItemListState, toItemFilterInput, toItemListInput, type ItemListState } from './item-list-params';
import { ItemDrawer } from './ItemDrawer';
import { ItemFilterBar } from './ItemFilterBar';
import { ItemFormModal } from './ItemFormModal';

/** 一单: 随机抽查事项清单, filtered and paged on the server, details in a drawer. */
export function ItemListPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const state = readItemListState(params);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useRpc('items.list', toItemListInput(state), { placeholderData: keepPreviousData });
  const update = (patch: Partial<ItemListState>) => navigate(itemListPath({ ...state, page: 1, ...patch }), { replace: true });
  const filtered = Boolean(state.query || state.bureauId || state.level || state.businessLine || state.itemClass || state.status);

  return (
    <Card
      title="检查事项清单"
      data-testid="items-page"
      extra={
        <Space>
          <DirectoryImportTools directory="items" />
          <DirectoryExportButton directory="items" filter={toItemFilterInput(state)} />
          {mayEditDirectories(user.roles) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="items-new">
              新增抽查事项
            </Button>
          ) : null}
        </Space>
      }
    >
      <ItemFilterBar state={state} onChange={update} />
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="items-table"
        columns={itemColumns(bureaus.nameOf)}
        page={list.data}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(itemListPath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(item) => setOpenId(item.id)}
        openId={openId}
        emptyText={filtered ? '没有符合条件的抽查事项' : '清单中还没有抽查事项，可点击“导入”从模板导入'}
      />
      <ItemDrawer id={openId} onClose={() => setOpenId(null)} />
      <ItemFormModal item={null} open={creating} onClose={() => setCreating(false)} onSaved={(item) => setOpenId(item.id)} />
    </Card>
  );
}
