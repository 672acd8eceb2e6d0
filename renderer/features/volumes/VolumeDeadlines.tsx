import { Card, Typography } from 'antd';
import { useRpc } from '../../rpc/use-rpc';
import { DeadlineTag } from '../inspections/DeadlineTag';
import { DEADLINE_KIND_LABELS } from '../inspections/inspection-labels';

/**
 * 时限 beside the checklist (issue 7 item 3): whether the result was entered within 10 working days and
 * published within 10 (7 for a correction order), as the inspection counts them — one wrapping line per
 * deadline, so it fits the narrow column. A custody bureau that may not read the inspecting bureau's
 * inspection simply sees no panel.
 */
export function VolumeDeadlines({ inspectionId }: { inspectionId: number | null }) {
  const inspection = useRpc('inspections.get', { id: inspectionId ?? 0 }, { enabled: inspectionId !== null, retry: false, staleTime: 30_000 });
  const deadlines = inspection.data?.deadlines ?? [];
  if (inspectionId === null || deadlines.length === 0) return null;
  return (
    <Card title="期限" size="small" data-testid="volume-deadlines">
      <div style={{ display: 'grid', gap: 8 }}>
        {deadlines.map((d) => (
          <div key={`${d.kind}-${d.due}`} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 8, rowGap: 2 }}>
            <Typography.Text>{DEADLINE_KIND_LABELS[d.kind]}</Typography.Text>
            <Typography.Text type="secondary">{d.due}</Typography.Text>
            <DeadlineTag deadline={d} />
          </div>
        ))}
      </div>
    </Card>
  );
}
