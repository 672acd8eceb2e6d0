import { failureMessage, RpcFailure } from '../../rpc/rpc-failure';

/**
 * The Chinese message of a refused call, plus the core's own list of problems when it sends one
 * (RESULT_INVALID, SIGNING_INCOMPLETE carry `problems`; INVALID_INPUT carries zod issues in Chinese).
 */
export function actionProblem(error: unknown): { message: string; lines: string[] } {
  const message = failureMessage(error);
  if (!(error instanceof RpcFailure)) return { message, lines: [] };
  const lines: string[] = [];
  const problems = error.details.problems;
  if (Array.isArray(problems)) for (const p of problems) if (typeof p === 'string') lines.push(p);
  const issues = error.details.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const text = (issue as { message?: unknown } | null)?.message;
      if (typeof text === 'string' && /[\u4e00-\u9fff]/.test(text)) lines.push(text);
    }
  }
  return { message, lines };
}
