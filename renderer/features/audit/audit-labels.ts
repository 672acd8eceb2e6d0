import { contract, isMethodName } from '../../../shared/contract/index';

/** Audit actions are contract method names; their summary is the Chinese description. */
export function actionLabel(action: string): string {
  return isMethodName(action) ? contract[action].summary : action;
}

export const ENTITY_LABELS: Record<string, string> = {
  target: '检查对象',
  targets: '检查对象',
  user: '用户',
  users: '用户',
  bureau: '单位',
  bureaus: '单位',
  session: '会话',
  job: '任务',
  jobs: '任务',
};

export const PROBLEM_KIND_LABELS = {
  hash: '哈希不符',
  link: '链接断裂',
  sequence: '序号缺失',
  entity: '记录与审计状态不一致',
} as const;
