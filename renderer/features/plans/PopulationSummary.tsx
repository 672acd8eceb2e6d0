import { Alert, Space, Typography } from 'antd';
import type { PopulationPreviewDto } from '../../../shared/contract/plans';
import { EXCLUSION_REASON_LABELS } from '../../../shared/domain/draws/draw-record';
import type { RatioTable } from '../../../shared/domain/draws/draw-types';
import { ratioFor, sampleSize } from '../../../shared/domain/draws/sampling';
import { failureMessage } from '../../rpc/rpc-failure';

type Props = {
  preview: PopulationPreviewDto | undefined;
  error?: Error | null;
  /** The ratios to apply (a form's draft); without them the saved ratios' sample is shown. */
  ratios?: RatioTable;
};

export const exclusionLabel = (reason: string) => (EXCLUSION_REASON_LABELS as Record<string, string>)[reason] ?? reason;

/** 对象数 / 应抽数 in total and the targets left out of the population, by reason. */
export function PopulationSummary({ preview, error, ratios }: Props) {
  if (error) return <Alert type="error" showIcon title={failureMessage(error)} />;
  if (!preview) return <Typography.Text type="secondary">正在统计抽查范围…</Typography.Text>;
  const total = ratios ? preview.strata.reduce((n, s) => n + sampleSize(s.size, ratioFor(ratios, s.stratum)), 0) : preview.sampleTotal;
  const excluded = Object.entries(preview.exclusions).filter(([, n]) => n > 0);
  return (
    <div data-testid="population-summary">
      <Space size={24} wrap>
        <span>
          检查对象库：<Typography.Text strong data-testid="population-size">{preview.size}</Typography.Text> 户
        </span>
        <span>
          按比例应抽：<Typography.Text strong data-testid="population-sample">{total}</Typography.Text> 户
        </span>
        <span>
          排除：
          {excluded.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            excluded.map(([reason, n], i) => (
              <span key={reason} data-testid={`population-excluded-${reason}`}>
                {i > 0 ? '；' : ''}
                {exclusionLabel(reason)} <Typography.Text strong>{n}</Typography.Text> 户
              </span>
            ))
          )}
        </span>
      </Space>
      {preview.size === 0 ? <Alert type="warning" showIcon title="抽查范围内没有可抽取的检查对象，请检查任务范围与排除条件。" style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
