import { isErrorCode, type ErrorCode } from '../../shared/errors/codes';
import { MESSAGES_ZH } from '../../shared/errors/messages-zh';

/** A backend error envelope `{ok:false, error:{code, details}}`, thrown by rpcClient.call. */
export class RpcFailure extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: string, details: unknown) {
    super(code);
    this.name = 'RpcFailure';
    this.code = isErrorCode(code) ? code : 'INTERNAL';
    this.details = details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : {};
    if (!isErrorCode(code)) this.details = { ...this.details, unknownCode: code };
  }
}

/** The transport itself failed: bad host token, host not reachable, or a reply that is not an envelope. */
export type HostProblem = 'token-invalid' | 'unreachable' | 'bad-response';

export class HostFailure extends Error {
  readonly problem: HostProblem;

  constructor(problem: HostProblem, options?: { cause?: unknown }) {
    super(problem, options);
    this.name = 'HostFailure';
    this.problem = problem;
  }
}

export const HOST_PROBLEM_MESSAGES = {
  'token-invalid': '访问令牌无效，请使用启动时打印的完整地址打开',
  unreachable: '无法连接到 casebinder 后台服务，请确认程序仍在运行。',
  'bad-response': '后台服务返回了无法识别的应答，请联系管理员。',
} as const satisfies Record<HostProblem, string>;

export function isRpcFailure(error: unknown, code?: ErrorCode): error is RpcFailure {
  return error instanceof RpcFailure && (code === undefined || error.code === code);
}

/** The Chinese sentence to show a user for any error thrown by the RPC layer. */
export function failureMessage(error: unknown): string {
  if (error instanceof RpcFailure) return MESSAGES_ZH[error.code];
  if (error instanceof HostFailure) return HOST_PROBLEM_MESSAGES[error.problem];
  return '发生未预期的错误，请重试；如仍出现，请联系管理员。';
}
