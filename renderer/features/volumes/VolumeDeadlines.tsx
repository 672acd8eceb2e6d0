import { useRpc } from '../../rpc/use-rpc';
import { DeadlinesPanel } from '../inspections/DeadlinesPanel';

/**
 * 时限 beside the checklist (issue 7 item 3): whether the result was entered within 10 working days and
 * published within 10 (7 for a correction order), as the inspection counts them. A custody bureau that may
 * not read the inspecting bureau's inspection simply sees no panel.
 */
export function VolumeDeadlines({ inspectionId }: { inspectionId: number | null }) {
  const inspection = useRpc('inspections.get', { id: inspectionId ?? 0 }, { enabled: inspectionId !== null, retry: false, staleTime: 30_000 });
  if (inspectionId === null || !inspection.data) return null;
  return <DeadlinesPanel deadlines={inspection.data.deadlines} />;
}
