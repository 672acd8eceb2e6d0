import type { Role } from '../../../shared/domain/roles';

/** Mirrors the contract's access list for targets.create / targets.update (the backend still checks). */
export function mayEditTargets(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('clerk');
}
