/**
 * Every error code the backend may return. Prefixed by domain. Adding a code here without a
 * Chinese message in messages-zh.ts is a compile error.
 */
export const ERROR_CODES = [
  // transport / dispatch
  'INVALID_INPUT',
  'METHOD_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  // auth
  'AUTH_BAD_CREDENTIALS',
  'AUTH_LOCKED',
  'AUTH_DISABLED',
  'AUTH_WEAK_PASSWORD',
  'USER_DUPLICATE',
  // data folder
  'DATA_CORRUPT',
  'DATA_READONLY',
  'DATA_LOCKED',
  'DATA_NOT_INITIALISED',
  'DATA_TOO_NEW',
  'DISK_FULL',
  'BLOB_MISSING',
  'BLOB_CORRUPT',
  // credit codes
  'USCC_EMPTY',
  'USCC_LENGTH',
  'USCC_CHARSET',
  'USCC_CHECKSUM',
  'USCC_ORG_CODE_MISMATCH',
  'USCC_REGNO_CHECKSUM',
  // targets
  'TARGET_DUPLICATE',
  'TARGET_CODE_REQUIRED',
  'TARGET_IDENTIFIER_REQUIRED',
  'TARGET_VERSION_CONFLICT',
  // bureaus
  'BUREAU_NOT_FOUND',
  // jobs
  'JOB_NOT_FOUND',
  'JOB_CANCELLED',
  'JOB_NOT_CANCELLABLE',
  // audit
  'AUDIT_CHAIN_BROKEN',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
