import { PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { navigate } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { DirectoryTable } from '../directory/DirectoryTable';
import { DirectoryExportButton } from '../exports/DirectoryExportButton';
import { DirectoryImportTools } from '../imports/DirectoryImportTools';
import { isFiltered, listStatePath, readListState, toFilterInput, toListInput, type TargetListState } from './target-list-params';
import { mayEditTargets } from './target-permissions';
import { targetColumns } from './target-columns';
import { TargetBulkTagModal } from './TargetBulkTagModal';
import { TargetDrawer } from './TargetDrawer';
import { TargetFilterBar } from './TargetFilterBar';

/** 检查对象名录: filters in the address, server paging, a detail drawer, import / export / bulk tagging. */
export function TargetListPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const state = readListState(params);
  const [openId, setOpenId] = useState<number | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const list = useRpc('targets.list', toListInput(state), { placeholderData: keepPreviousData });
  const update = (patch: Partial<TargetListState>) => navigate(listStatePath({ ...state, page: 1, ...patch }), { replace: true });
  const editable = mayEditTargets(user.roles);

  return (
    <Card
      title="检查对象名录"
      data-testid="targets-page"
      extra={
        <Space wrap>
          <DirectoryImportTools directory="targets" />
          <DirectoryExportButton directory="targets" filter={toFilterInput(state)} />
          {editable ? (
            <Button icon={<TagsOutlined />} onClick={() => setBulkOpen(true)} data-testid="targets-bulk-tag">
              批量标注
            </Button>
          ) : null}
          {editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/targets/new')} data-testid="targets-new">
              新增检查对象
            </Button>
          ) : null}
        </Space>
      }
    >
      <TargetFilterBar state={state} onChange={update} />
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="targets-table"
        columns={targetColumns(bureaus.nameOf)}
        page={list.data}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(listStatePath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(target) => setOpenId(target.id)}
        openId={openId}
        emptyText={isFiltered(state) ? '没有符合条件的检查对象' : '名录中还没有检查对象'}
        chrome={380}
      />
      <TargetDrawer id={openId} onClose={() => setOpenId(null)} />
      <TargetBulkTagModal open={bulkOpen} onClose={() => setBulkOpen(false)} filter={toFilterInput(state)} matching={list.data?.total ?? 0} capped={list.data?.totalCapped ?? false} filtered={isFiltered(state)} />
    </Card>
  );
}
