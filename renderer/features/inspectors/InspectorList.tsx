import { Alert } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useBureaus } from '../bureaus/use-bureaus';
import { DirectoryTable } from '../directory/DirectoryTable';
import { inspectorColumns } from './inspector-columns';
import { todayIso } from './inspector-labels';
import { inspectorListPath, readInspectorListState, toInspectorListInput, type InspectorListState } from './inspector-list-params';
import { InspectorDrawer } from './InspectorDrawer';
import { InspectorFilterBar } from './InspectorFilterBar';

/** The 执法检查人员 tab: filters in the address, server paging, a detail drawer. */
export function InspectorList({ params, openId, onOpen }: { params: URLSearchParams; openId: number | null; onOpen(id: number | null): void }) {
  const bureaus = useBureaus();
  const state = readInspectorListState(params);
  const today = todayIso();
  const list = useRpc('inspectors.list', toInspectorListInput(state, today), { placeholderData: keepPreviousData });
  const update = (patch: Partial<InspectorListState>) => navigate(inspectorListPath({ ...state, page: 1, ...patch }), { replace: true });
  const filtered = Boolean(state.query || state.bureauId || state.qualified || state.businessLine || state.expertise || state.status || state.cert);

  return (
    <>
      <InspectorFilterBar state={state} onChange={update} />
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="inspectors-table"
        columns={inspectorColumns(bureaus.nameOf, today)}
        page={list.data}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(inspectorListPath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(inspector) => onOpen(inspector.id)}
        openId={openId}
        emptyText={filtered ? '没有符合条件的执法检查人员' : '名录中还没有执法检查人员，可点击“导入”从模板导入'}
        chrome={390}
      />
      <InspectorDrawer id={openId} onClose={() => onOpen(null)} />
    </>
  );
}
