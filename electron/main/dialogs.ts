import { dialog, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors/app-error';
import { MESSAGES_ZH } from '../../shared/errors/messages-zh';

const TITLE = 'casebinder';

/** The Chinese message for a start-up failure; never a stack trace. */
export function startupErrorMessage(error: unknown): string {
  const code = error instanceof AppError ? error.code : codeOf(error);
  return code ? MESSAGES_ZH[code] : MESSAGES_ZH.INTERNAL;
}

/** Blocking native error box, usable before any window exists. */
export function showStartupError(error: unknown, dataDir: string): void {
  dialog.showErrorBox('casebinder 无法启动', `${startupErrorMessage(error)}\n\n数据文件夹：${dataDir}`);
}

/** First run: the admin's one-time password, shown exactly once. */
export async function showFirstRunPassword(
  parent: BrowserWindow | null,
  login: string,
  password: string,
): Promise<void> {
  const options = {
    type: 'info' as const,
    title: TITLE,
    message: '已创建管理员账户',
    detail:
      `登录名：${login}\n一次性密码：${password}\n\n` +
      '请立即记下此密码：它只显示这一次。首次登录后系统会要求您设置新密码。',
    buttons: ['我已记下'],
    defaultId: 0,
    noLink: true,
  };
  if (parent && !parent.isDestroyed()) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

export async function showAbout(parent: BrowserWindow | null, version: string, dataDir: string): Promise<void> {
  const options = {
    type: 'info' as const,
    title: '关于 casebinder',
    message: `casebinder 抽查专卷管理 ${version}`,
    detail: `离线桌面应用，数据仅保存在本机。\n\n数据文件夹：${dataDir}`,
    buttons: ['确定'],
    noLink: true,
  };
  if (parent && !parent.isDestroyed()) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

/** Duck-typed AppError (e.g. thrown from a second copy of the class): a known code only. */
function codeOf(error: unknown): keyof typeof MESSAGES_ZH | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES_ZH, code)
    ? (code as keyof typeof MESSAGES_ZH)
    : null;
}
