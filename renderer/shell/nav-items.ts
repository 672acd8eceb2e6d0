import { BACKUP_ROLES } from '../../shared/contract/backup';
import { TRANSFER_ROLES } from '../../shared/contract/transfers';
import { PUBLISHERS } from '../../shared/domain/inspections/inspections';
import type { Role } from '../../shared/domain/roles';

export type NavLeaf = {
  path: string;
  label: string;
  /** false: the area exists in the product plan but is not built yet (shows 尚未开放). */
  built: boolean;
  /** Roles that may open it; absent = every signed-in user. */
  roles?: readonly Role[];
};

export type NavGroup = { key: string; label: string; icon: string; children: NavLeaf[] };
export type NavEntry = NavGroup | (NavLeaf & { icon: string });

export const NAV: readonly NavEntry[] = [
  {
    key: 'directories',
    label: '一单两库',
    icon: 'database',
    children: [
      { path: '/targets', label: '检查对象名录', built: true },
      { path: '/items', label: '检查事项清单', built: true },
      { path: '/inspectors', label: '执法检查人员名录', built: true },
    ],
  },
  { path: '/plans', label: '抽查计划', icon: 'schedule', built: true },
  { path: '/draws', label: '随机摇号', icon: 'draw', built: true },
  { path: '/inspections', label: '检查实施', icon: 'inspect', built: true },
  { path: '/volumes', label: '抽查专卷', icon: 'volume', built: true },
  { path: '/scans', label: '扫描收件箱', icon: 'scan', built: true },
  { path: '/search', label: '全文检索', icon: 'search', built: true },
  { path: '/archives', label: '档案管理', icon: 'archive', built: true },
  { path: '/lending', label: '借阅管理', icon: 'lending', built: true },
  { path: '/transfers', label: '档案移交', icon: 'transfer', built: true, roles: TRANSFER_ROLES },
  { path: '/publication', label: '结果公示', icon: 'publish', built: true, roles: PUBLISHERS },
  { path: '/reports', label: '统计报表', icon: 'report', built: true },
  {
    key: 'settings',
    label: '系统设置',
    icon: 'settings',
    children: [
      { path: '/settings/bureaus', label: '单位档案设置', built: true },
      { path: '/settings/users', label: '用户管理', built: true, roles: ['admin'] },
      { path: '/settings/audit', label: '审计日志', built: true, roles: ['admin', 'legal'] },
      { path: '/backup', label: '数据备份与恢复', built: true, roles: BACKUP_ROLES },
    ],
  },
];

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'children' in entry;
}

export function allLeaves(): NavLeaf[] {
  return NAV.flatMap((entry) => (isGroup(entry) ? entry.children : [entry]));
}

export function leafFor(path: string): NavLeaf | undefined {
  return allLeaves().find((leaf) => leaf.path === path);
}

export function mayOpen(leaf: NavLeaf, roles: readonly Role[]): boolean {
  return !leaf.roles || leaf.roles.some((role) => roles.includes(role));
}
