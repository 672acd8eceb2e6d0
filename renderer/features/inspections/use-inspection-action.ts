import { App } from 'antd';
import { useState } from 'react';
import { actionProblem } from './action-problem';

export type Problem = { message: string; lines: string[] } | null;

/**
 * Runs one of the inspection's calls: a toast on success, and on refusal the core's coded Chinese message
 * kept on the panel (with the problems it lists) until the next attempt — the core is the authority.
 */
export function useInspectionAction() {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>, done: string): Promise<boolean> => {
    setProblem(null);
    setBusy(true);
    try {
      await call();
      void message.success(done);
      return true;
    } catch (error) {
      setProblem(actionProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, problem, busy, clear: () => setProblem(null) };
}
