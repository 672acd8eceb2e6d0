import { Alert, Select, Space } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { EXPERT_STATUSES, EXPERT_STATUS_LABELS } from '../../../shared/domain/inspectors';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useBureaus } from '../bureaus/use-bureaus';
import { BureauFilter } from '../directory/BureauFilter';
import { DirectoryTable } from '../directory/DirectoryTable';
import { SearchBox } from '../directory/SearchBox';
import { expertColumns } from './expert-columns';
import { expertListPath, readExpertListState, toExpertListInput, type ExpertListState } from './inspector-list-params';
import { ExpertDrawer } from './ExpertDrawer';

/** The 专家库 tab (非执法人员): search, bureau and status filters, server paging, a detail drawer. */
export function ExpertList({ params, openId, onOpen }: { params: URLSearchParams; openId: number | null; onOpen(id: number | null): void }) {
  const bureaus = useBureaus();
  const state = readExpertListState(params);
  const list = useRpc('experts.list', toExpertListInput(state), { placeholderData: keepPreviousData });
  const update = (patch: Partial<ExpertListState>) => navigate(expertListPath({ ...state, page: 1, ...patch }), { replace: true });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox query={state.query} onSearch={(query) => update({ query })} placeholder="搜索姓名、工作单位或专业领域" testId="experts-search" />
        <BureauFilter value={state.bureauId} onChange={(bureauId) => update({ bureauId })} testId="experts-bureau-filter" />
        <Select
          value={state.status ?? ''}
          onChange={(status: ExpertListState['status'] | '') => update({ status: status || undefined })}
          style={{ width: 120 }}
          options={[{ value: '', label: '全部状态' }, ...EXPERT_STATUSES.map((s) => ({ value: s, label: EXPERT_STATUS_LABELS[s] }))]}
          data-testid="experts-status-filter"
          aria-label="状态"
        />
      </Space>
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="experts-table"
        columns={expertColumns(bureaus.nameOf)}
        page={list.data}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(expertListPath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(expert) => onOpen(expert.id)}
        openId={openId}
        emptyText={state.query || state.bureauId || state.status ? '没有符合条件的专家' : '专家库中还没有专家'}
        chrome={390}
      />
      <ExpertDrawer id={openId} onClose={() => onOpen(null)} />
    </>
  );
}
