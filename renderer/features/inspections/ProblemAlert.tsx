import { Alert } from 'antd';
import type { Problem } from './use-inspection-action';

/** A refused call's message (and the problems the core listed), shown where the user acted. */
export function ProblemAlert({ problem, testId = 'inspection-problem' }: { problem: Problem; testId?: string }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={problem.message}
      description={problem.lines.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{problem.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
      style={{ marginBottom: 12 }}
      data-testid={testId}
    />
  );
}
