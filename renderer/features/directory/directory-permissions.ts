import type { Role } from '../../../shared/domain/roles';

/** Mirrors the contract's access lists (the backend still checks every call). */
export function mayEditDirectories(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('clerk');
}

/** imports.stageFile / preview / start. */
export const mayImport = mayEditDirectories;

/** recusals.add / recusals.remove. */
export function mayManageRecusals(roles: readonly Role[]): boolean {
  return mayEditDirectories(roles) || roles.includes('legal');
}
