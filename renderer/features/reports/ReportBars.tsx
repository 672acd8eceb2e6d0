import { Empty, Typography } from 'antd';

export type Bar = { key: string; label: string; value: number | null; color?: string };

/**
 * Horizontal bars drawn with plain CSS: two small charts do not justify a chart dependency in an offline
 * desktop app, and these print and screenshot the same everywhere.
 */
export function ReportBars({ title, bars, max, unit = '', testId }: { title: string; bars: Bar[]; max?: number; unit?: string; testId: string }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <div data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {bars.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月无数据" />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 260px) 1fr 64px', gap: '6px 10px', alignItems: 'center' }}>
          {bars.map((b) => (
            <div key={b.key} style={{ display: 'contents' }} data-testid="report-bar">
              <span style={{ fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={b.label}>
                {b.label}
              </span>
              <div style={{ background: '#f0f2f5', height: 14, borderRadius: 2 }} role="img" aria-label={`${b.label} ${b.value ?? '—'}${unit}`}>
                <div style={{ width: `${b.value === null ? 0 : (b.value / top) * 100}%`, height: '100%', background: b.color ?? '#1d4f91', borderRadius: 2 }} />
              </div>
              <span style={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>{b.value === null ? '—' : `${b.value}${unit}`}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
