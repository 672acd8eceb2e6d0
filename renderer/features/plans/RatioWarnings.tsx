import { Alert } from 'antd';
import type { RatioTable } from '../../../shared/domain/draws/draw-types';
import { bpText, ratioOrderWarnings, stratumLabel } from '../../../shared/domain/plans/plans';

/** Art. 12: the higher the risk and the lower the credit, the higher the ratio — a warning, not a refusal. */
export function RatioWarnings({ table }: { table: RatioTable }) {
  const warnings = ratioOrderWarnings(table);
  if (warnings.length === 0) return null;
  const ratio = (key: keyof RatioTable['overrides']) => bpText(table.overrides[key] ?? table.defaultBp);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="ratio-warnings"
      title="抽查比例与风险、信用等级不一致（第十二条：风险越高、信用越低，抽查比例应越高）"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w) => (
            <li key={`${w.higher}>${w.lower}`}>
              {stratumLabel(w.higher)}（{ratio(w.higher)}）低于 {stratumLabel(w.lower)}（{ratio(w.lower)}）
            </li>
          ))}
        </ul>
      }
      action={<span style={{ whiteSpace: 'nowrap', color: '#8c6d1f' }}>仍可保存</span>}
    />
  );
}
