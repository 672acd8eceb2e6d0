import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Select, Space } from 'antd';
import { INSPECTION_STATUSES, INSPECTION_STATUS_LABELS } from '../../../shared/domain/inspections/inspections';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { DirectoryTable } from '../directory/DirectoryTable';
import { SearchBox } from '../directory/SearchBox';
import { inspectionColumns } from './inspection-columns';
import { DUE_FILTERS, DUE_FILTER_LABELS, inspectionListPath, readInspectionListState, toInspectionListInput, type InspectionListState } from './inspection-list-params';

/** 检查任务: one row per drawn target, its state and the nearest deadline; filters live in the address. */
export function InspectionListPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const state = readInspectionListState(params);
  const list = useRpc('inspections.list', toInspectionListInput(state), { placeholderData: keepPreviousData });
  const update = (patch: Partial<InspectionListState>) => navigate(inspectionListPath({ ...state, page: 1, ...patch }), { replace: true });
  const filtered = Boolean(state.status || state.due || state.mine || state.q);

  return (
    <Card title="检查任务" data-testid="inspections-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox query={state.q ?? ''} onSearch={(q) => update({ q: q || undefined })} placeholder="对象名称、统一社会信用代码或任务名称" testId="inspections-search" />
        <Select
          value={state.status ?? ''}
          onChange={(status: InspectionListState['status'] | '') => update({ status: status || undefined })}
          style={{ width: 120 }}
          options={[{ value: '', label: '全部状态' }, ...INSPECTION_STATUSES.map((s) => ({ value: s, label: INSPECTION_STATUS_LABELS[s] }))]}
          data-testid="inspections-status-filter"
          aria-label="状态"
        />
        <Select
          value={state.due ?? ''}
          onChange={(due: InspectionListState['due'] | '') => update({ due: due || undefined })}
          style={{ width: 140 }}
          options={[{ value: '', label: '全部期限' }, ...DUE_FILTERS.map((d) => ({ value: d, label: DUE_FILTER_LABELS[d] }))]}
          data-testid="inspections-due-filter"
          aria-label="期限"
        />
        {user.roles.includes('inspector') ? (
          <Checkbox checked={state.mine} onChange={(e) => update({ mine: e.target.checked })} data-testid="inspections-mine">
            我的检查
          </Checkbox>
        ) : null}
      </Space>
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="inspections-table"
        columns={inspectionColumns()}
        page={list.data}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(inspectionListPath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(row) => navigate(`/inspections/${row.id}`)}
        emptyText={filtered ? '没有符合条件的检查任务' : '还没有检查任务：摇号完成后，每个抽中的对象生成一条检查任务'}
        chrome={300}
      />
    </Card>
  );
}
