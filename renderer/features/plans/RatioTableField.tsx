import { InputNumber, Space, Table, Typography } from 'antd';
import type { PopulationPreviewDto } from '../../../shared/contract/plans';
import { CREDIT_STRATA, RISK_STRATA, type CreditStratum, type RiskStratum, type StratumKey } from '../../../shared/domain/draws/draw-types';
import { sampleSize } from '../../../shared/domain/draws/sampling';
import { CREDIT_STRATUM_LABELS, RISK_STRATUM_LABELS, stratumLabel } from '../../../shared/domain/plans/plans';
import { ratioTableOf, type RatioDraft } from './task-form-values';

type Props = {
  /** From Form.Item. */
  value?: RatioDraft;
  onChange?(value: RatioDraft): void;
  disabled?: boolean;
  /** The saved task's population (tasks.previewPopulation): sizes per stratum; the sample follows the draft ratios. */
  preview?: PopulationPreviewDto;
};

/** Percent; no fixed precision, so 25 reads 25 (not 25.00). Stored as basis points, rounded to 0.01 %. */
const percentInput = { min: 0, max: 100, step: 1, suffix: '%' } as const;

/**
 * 抽查比例: risk (rows) × credit (columns) with a default ratio and per-cell overrides (empty = default).
 * With a preview, each cell shows its targets (对象) and the sample the current ratio gives (应抽).
 */
export function RatioTableField({ value, onChange, disabled, preview }: Props) {
  const draft: RatioDraft = value ?? { defaultPercent: null, overrides: {} };
  const table = ratioTableOf(draft);
  const sizes = new Map(preview?.strata.map((s) => [s.stratum, s.size]));
  const set = (key: StratumKey, percent: number | null) => onChange?.({ ...draft, overrides: { ...draft.overrides, [key]: percent } });

  const cell = (risk: RiskStratum, credit: CreditStratum) => {
    const key: StratumKey = `${risk}/${credit}`;
    const own = draft.overrides[key];
    const size = sizes.get(key) ?? 0;
    const bp = table.overrides[key] ?? table.defaultBp;
    return (
      <div style={{ display: 'grid', gap: 2, justifyItems: 'center' }}>
        <InputNumber
          {...percentInput}
          size="small"
          value={own ?? null}
          placeholder={draft.defaultPercent === null ? '' : String(draft.defaultPercent)}
          onChange={(v) => set(key, typeof v === 'number' ? v : null)}
          disabled={disabled}
          style={{ width: '100%' }}
          aria-label={`${stratumLabel(key)} 抽查比例`}
          data-testid={`ratio-cell-${risk}-${credit}`}
        />
        {preview ? (
          <Typography.Text type={size ? undefined : 'secondary'} style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid={`ratio-count-${risk}-${credit}`}>
            对象 {size} · 应抽 <b>{size ? sampleSize(size, bp) : 0}</b>
          </Typography.Text>
        ) : null}
      </div>
    );
  };

  return (
    <div data-testid="ratio-table">
      <Space align="center" style={{ marginBottom: 8 }} wrap>
        <span>默认比例</span>
        <InputNumber
          {...percentInput}
          value={draft.defaultPercent}
          onChange={(v) => onChange?.({ ...draft, defaultPercent: typeof v === 'number' ? v : null })}
          disabled={disabled}
          style={{ width: 120 }}
          aria-label="默认抽查比例"
          data-testid="ratio-default"
        />
        <Typography.Text type="secondary">空白单元格按默认比例抽取；填写的单元格使用自己的比例（非零比例的分层至少抽取 1 户）。</Typography.Text>
      </Space>
      <Table<{ risk: RiskStratum }>
        rowKey="risk"
        size="small"
        bordered
        pagination={false}
        dataSource={RISK_STRATA.map((risk) => ({ risk }))}
        tableLayout="fixed"
        columns={[
          {
            title: '风险等级 \\ 信用等级',
            dataIndex: 'risk',
            width: 150,
            render: (risk: RiskStratum) => <Typography.Text strong>{risk === 'unrated' ? '风险未评级' : `风险${RISK_STRATUM_LABELS[risk]}`}</Typography.Text>,
          },
          ...CREDIT_STRATA.map((credit) => ({
            title: credit === 'unrated' ? '信用未评级' : `信用${CREDIT_STRATUM_LABELS[credit]}`,
            key: credit,
            align: 'center' as const,
            render: (_: unknown, row: { risk: RiskStratum }) => cell(row.risk, credit),
            // An overridden cell stands out from those that take the default.
            onCell: (row: { risk: RiskStratum }) => ({ style: typeof draft.overrides[`${row.risk}/${credit}`] === 'number' ? { background: '#fffbe6' } : undefined }),
          })),
        ]}
      />
    </div>
  );
}
