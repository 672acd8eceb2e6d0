import { Select, Space } from 'antd';
import { CREDIT_CLASSES, REG_STATUSES, REG_STATUS_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS, SUBJECT_KINDS } from '../../../shared/domain/targets';
import { useRpc } from '../../rpc/use-rpc';
import { BureauFilter } from '../directory/BureauFilter';
import { SearchBox } from '../directory/SearchBox';
import { ItemPicker } from '../items/ItemPicker';
import { CREDIT_CLASS_LABELS, SUBJECT_KIND_SHORT } from './target-labels';
import type { TargetListState } from './target-list-params';

type Props = { state: TargetListState; onChange(patch: Partial<TargetListState>): void };

/** 检查对象名录 filters: search, kind, bureau, industry, risk, credit, status and 分类标注. */
export function TargetFilterBar({ state, onChange }: Props) {
  const industries = useRpc('targets.industries', { bureauId: state.bureauId }, { staleTime: 30_000 });
  const choose = <K extends keyof TargetListState>(key: K) => (value: TargetListState[K] | '') => onChange({ [key]: value === '' ? undefined : value } as Partial<TargetListState>);

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <SearchBox query={state.query} onSearch={(query) => onChange({ query })} placeholder="搜索名称或信用代码" testId="targets-search" width={300} />
      <Select
        value={state.kind ?? ''}
        onChange={choose('kind')}
        style={{ width: 140 }}
        options={[{ value: '', label: '全部主体类型' }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_SHORT[k] }))]}
        data-testid="targets-kind-filter"
        aria-label="主体类型"
      />
      <BureauFilter value={state.bureauId} onChange={(bureauId) => onChange({ bureauId })} testId="targets-bureau-filter" width={240} />
      <Select
        value={state.industry ?? ''}
        onChange={choose('industry')}
        style={{ width: 170 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={[{ value: '', label: '全部行业' }, ...(industries.data ?? []).map((i) => ({ value: i.industry, label: `${i.industry}（${i.count}）` }))]}
        data-testid="targets-industry-filter"
        aria-label="行业"
      />
      <Select
        value={state.riskLevel ?? ''}
        onChange={choose('riskLevel')}
        style={{ width: 120 }}
        options={[{ value: '', label: '全部风险' }, ...RISK_LEVELS.map((r) => ({ value: r, label: `风险${RISK_LEVEL_LABELS[r]}` }))]}
        data-testid="targets-risk-filter"
        aria-label="风险等级"
      />
      <Select
        value={state.creditClass ?? ''}
        onChange={choose('creditClass')}
        style={{ width: 120 }}
        options={[{ value: '', label: '全部信用' }, ...CREDIT_CLASSES.map((c) => ({ value: c, label: `信用 ${CREDIT_CLASS_LABELS[c]}` }))]}
        data-testid="targets-credit-filter"
        aria-label="信用等级"
      />
      <Select
        value={state.regStatus ?? ''}
        onChange={choose('regStatus')}
        style={{ width: 120 }}
        options={[{ value: '', label: '全部状态' }, ...REG_STATUSES.map((s) => ({ value: s, label: REG_STATUS_LABELS[s] }))]}
        data-testid="targets-status-filter"
        aria-label="登记状态"
      />
      <ItemPicker value={state.tagItemId} onChange={(tagItemId) => onChange({ tagItemId })} placeholder="按分类标注（抽查事项）" style={{ width: 240 }} testId="targets-tag-filter" ariaLabel="分类标注" />
    </Space>
  );
}
