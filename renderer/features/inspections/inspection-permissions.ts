import type { InspectionDto } from '../../../shared/contract/inspections';
import { INSPECTION_EDITORS, PUBLISHERS, RESULT_ENTRANTS, RESULT_REVIEWERS } from '../../../shared/domain/inspections/inspections';
import type { Role } from '../../../shared/domain/roles';
import type { UserDto } from '../../../shared/contract/auth';

const any = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

/** What the UI offers; the core checks every call again (roles, bureau, membership, self-review). */
export type InspectionPermissions = {
  edit: boolean;
  /** An inspector who is a member of this inspection (谁检查、谁录入). */
  enter: boolean;
  review: boolean;
  /** The user entered the current result: may not review it (谁复核、谁负责). */
  isEntrant: boolean;
  publish: boolean;
};

export function inspectionPermissions(user: UserDto, inspection: InspectionDto): InspectionPermissions {
  const member = inspection.members.some((m) => m.kind === 'inspector' && m.userId === user.id);
  return {
    edit: any(user.roles, INSPECTION_EDITORS),
    enter: any(user.roles, RESULT_ENTRANTS) && member,
    review: any(user.roles, RESULT_REVIEWERS),
    isEntrant: inspection.result?.enteredBy === user.id,
    publish: any(user.roles, PUBLISHERS),
  };
}

export function mayPublish(roles: readonly Role[]): boolean {
  return any(roles, PUBLISHERS);
}
