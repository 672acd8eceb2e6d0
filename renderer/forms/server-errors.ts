import type { FormInstance } from 'antd';
import { MESSAGES_ZH } from '../../shared/errors/messages-zh';
import { failureMessage, RpcFailure } from '../rpc/rpc-failure';

type Issue = { path: (string | number)[]; message: string };

const HAS_CJK = /[\u4e00-\u9fff]/;

function issuesOf(failure: RpcFailure): Issue[] {
  const issues = failure.details.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is Issue => issue !== null && typeof issue === 'object' && Array.isArray(issue.path) && typeof issue.message === 'string',
  );
}

/** Validation messages from the backend are Chinese where the contract says so; never show English ones. */
function issueText(message: string): string {
  return HAS_CJK.test(message) ? message : '此项填写不符合要求，请检查。';
}

/**
 * Puts a backend error on the form fields it belongs to: INVALID_INPUT issues by path, and errors whose
 * details name a `field` (USCC_*, TARGET_DUPLICATE …) with their Chinese message.
 * Returns the message that could not be attached to a field (to show above the form), or null.
 */
export function applyServerError(
  form: FormInstance,
  error: unknown,
  options: { fieldNames: readonly string[] },
): string | null {
  if (!(error instanceof RpcFailure)) return failureMessage(error);
  const known = new Set(options.fieldNames);

  if (error.code === 'INVALID_INPUT') {
    const unplaced: string[] = [];
    const byField = new Map<string, string[]>();
    for (const issue of issuesOf(error)) {
      const name = issue.path[0];
      if (typeof name === 'string' && known.has(name)) byField.set(name, [...(byField.get(name) ?? []), issueText(issue.message)]);
      else unplaced.push(issueText(issue.message));
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    if (byField.size === 0) return MESSAGES_ZH.INVALID_INPUT;
    return unplaced.length > 0 ? `${MESSAGES_ZH.INVALID_INPUT}${unplaced.join('；')}` : null;
  }

  const field = error.details.field;
  if (typeof field === 'string' && known.has(field)) {
    form.setFields([{ name: field, errors: [MESSAGES_ZH[error.code]] }]);
    return null;
  }
  return MESSAGES_ZH[error.code];
}
