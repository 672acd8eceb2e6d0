import { contract, isMethodName } from '../../../shared/contract/index';

/** Short names for the actions people see most; others fall back to the contract summary. */
const SHORT_ACTIONS: Record<string, string> = {
  'bureaus.seed': '初始化单位名录',
  'bureaus.updateSettings': '修改单位档案设置',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.resetPassword': '重置用户密码',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'targets.create': '新增检查对象',
  'targets.update': '修改检查对象',
  'audit.verify': '校验审计链',
};

/** Audit actions are mostly contract method names; the contract summary is the Chinese description. */
export function actionLabel(action: string): string {
  return SHORT_ACTIONS[action] ?? (isMethodName(action) ? contract[action].summary : action);
}

export const ENTITY_LABELS: Record<string, string> = {
  target: '检查对象',
  targets: '检查对象',
  user: '用户',
  users: '用户',
  bureau: '单位',
  bureaus: '单位',
  session: '会话',
  login: '登录',
  job: '任务',
  jobs: '任务',
};

export const PROBLEM_KIND_LABELS = {
  hash: '哈希不符',
  link: '链接断裂',
  sequence: '序号缺失',
  entity: '记录与审计状态不一致',
} as const;
