import { AutoComplete, Input, Select, Space } from 'antd';
import { INSPECTOR_STATUSES, INSPECTOR_STATUS_LABELS } from '../../../shared/domain/inspectors';
import { useRpc } from '../../rpc/use-rpc';
import { BureauFilter } from '../directory/BureauFilter';
import { SearchBox } from '../directory/SearchBox';
import { CERT_FILTERS, CERT_FILTER_LABELS, type InspectorListState } from './inspector-list-params';

type Props = { state: InspectorListState; onChange(patch: Partial<InspectorListState>): void };

/** 执法检查人员 filters: search, bureau, 执法资格, 业务条线, 专长, 状态, 证件到期. */
export function InspectorFilterBar({ state, onChange }: Props) {
  // 业务条线 suggestions come from the item lists' lines (the same vocabulary); any text is accepted.
  const lines = useRpc('items.businessLines', {}, { staleTime: 60_000 });
  const lineOptions = [...new Set((lines.data ?? []).map((l) => l.businessLine))].map((l) => ({ value: l }));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <SearchBox query={state.query} onSearch={(query) => onChange({ query })} placeholder="搜索姓名或执法证号" testId="inspectors-search" width={220} />
      <BureauFilter value={state.bureauId} onChange={(bureauId) => onChange({ bureauId })} testId="inspectors-bureau-filter" width={190} />
      <Select
        value={state.qualified ?? ''}
        onChange={(q: 'yes' | 'no' | '') => onChange({ qualified: q || undefined })}
        style={{ width: 130 }}
        options={[
          { value: '', label: '全部执法资格' },
          { value: 'yes', label: '具有执法资格' },
          { value: 'no', label: '无执法资格' },
        ]}
        data-testid="inspectors-qualified-filter"
        aria-label="执法资格"
      />
      <AutoComplete
        value={state.businessLine ?? ''}
        options={lineOptions}
        onChange={(v: string) => onChange({ businessLine: v.trim() || undefined })}
        style={{ width: 120 }}
        allowClear
        placeholder="业务条线"
        data-testid="inspectors-line-filter"
        aria-label="业务条线"
        showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
      />
      <Input
        value={state.expertise ?? ''}
        onChange={(e) => onChange({ expertise: e.target.value.trim() || undefined })}
        style={{ width: 100 }}
        allowClear
        placeholder="专长"
        data-testid="inspectors-expertise-filter"
        aria-label="专长"
      />
      <Select
        value={state.status ?? ''}
        onChange={(status: InspectorListState['status'] | '') => onChange({ status: status || undefined })}
        style={{ width: 100 }}
        options={[{ value: '', label: '全部状态' }, ...INSPECTOR_STATUSES.map((s) => ({ value: s, label: INSPECTOR_STATUS_LABELS[s] }))]}
        data-testid="inspectors-status-filter"
        aria-label="状态"
      />
      <Select
        value={state.cert ?? ''}
        onChange={(cert: InspectorListState['cert'] | '') => onChange({ cert: cert || undefined })}
        style={{ width: 190 }}
        options={[{ value: '', label: '证件到期：不限' }, ...CERT_FILTERS.map((c) => ({ value: c, label: CERT_FILTER_LABELS[c] }))]}
        data-testid="inspectors-cert-filter"
        aria-label="证件到期"
      />
    </Space>
  );
}
