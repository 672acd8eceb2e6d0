import type { ErrorCode } from './codes';

/** Chinese message for every error code; shared by the UI and the CLI. */
export const MESSAGES_ZH = {
  INVALID_INPUT: '输入内容不符合要求，请检查标出的字段。',
  METHOD_NOT_FOUND: '请求的功能不存在。',
  UNAUTHENTICATED: '尚未登录或登录已过期，请重新登录。',
  FORBIDDEN: '您没有执行此操作的权限。',
  NOT_FOUND: '要查找的记录不存在。',
  CONFLICT: '操作与现有数据冲突。',
  INTERNAL: '系统内部错误，已记录日志，请联系管理员。',
  AUTH_BAD_CREDENTIALS: '用户名或密码错误。',
  AUTH_LOCKED: '密码连续错误次数过多，账户已临时锁定，请稍后再试。',
  AUTH_DISABLED: '该账户已停用，请联系管理员。',
  AUTH_WEAK_PASSWORD: '密码强度不足：至少 10 位，且同时包含字母和数字。',
  USER_DUPLICATE: '登录名已被使用。',
  DATA_CORRUPT: '数据文件已损坏或不是 casebinder 数据库，已停止启动，未改动任何文件。',
  DATA_READONLY: '数据文件夹为只读，无法写入。请检查磁盘或文件夹权限。',
  DATA_LOCKED: '数据文件夹正被另一个 casebinder 进程使用。',
  DATA_NOT_INITIALISED: '数据文件夹尚未初始化，请先运行 casebinder init。',
  DATA_TOO_NEW: '数据文件由更新版本的 casebinder 创建，请升级本软件后再打开。',
  DISK_FULL: '磁盘空间不足，操作未完成，已有数据未受影响。',
  BLOB_MISSING: '文件内容缺失（存储区中找不到该文件）。',
  BLOB_CORRUPT: '文件内容校验失败（SHA-256 不一致）。',
  USCC_EMPTY: '请填写统一社会信用代码。',
  USCC_LENGTH: '统一社会信用代码应为 18 位（旧注册号为 15 位数字）。',
  USCC_CHARSET: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V；第 2–8 位应为数字）。',
  USCC_CHECKSUM: '统一社会信用代码校验位（第 18 位）错误。',
  USCC_ORG_CODE_MISMATCH: '组织机构代码部分（第 9–17 位）校验不符，请核对；仍可保存。',
  USCC_REGNO_CHECKSUM: '15 位注册号校验位错误。',
  TARGET_DUPLICATE: '该统一社会信用代码（或标识）已在名录库中。',
  TARGET_CODE_REQUIRED: '营利性和非营利性主体必须填写统一社会信用代码。',
  TARGET_IDENTIFIER_REQUIRED: '非市场主体（产品、项目、行为）必须填写标识和说明。',
  TARGET_VERSION_CONFLICT: '该记录已被他人修改，请刷新后再编辑。',
  BUREAU_NOT_FOUND: '所选单位不存在。',
  JOB_NOT_FOUND: '任务不存在。',
  JOB_CANCELLED: '任务已取消。',
  JOB_NOT_CANCELLABLE: '任务已结束，无法取消。',
  AUDIT_CHAIN_BROKEN: '审计日志链校验失败：记录被篡改或缺失。',
} as const satisfies Record<ErrorCode, string>;

export function messageZh(code: ErrorCode): string {
  return MESSAGES_ZH[code];
}
