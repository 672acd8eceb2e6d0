import { ARCHIVE_CHECKERS, ARCHIVE_CLERKS, ARCHIVE_REVIEWERS } from '../../../shared/contract/archives';
import type { VolumeSummaryDto } from '../../../shared/contract/volumes';
import { FIXITY_PROPERTIES, FIXITY_PROPERTY_LABELS, type FindingStatus } from '../../../shared/domain/archives/archives';
import type { Role } from '../../../shared/domain/roles';
import { RETENTION_LABELS, RETENTION_PERIODS, type RetentionPeriod } from '../../../shared/domain/volumes/volumes';

export const FINDING_STATUS_LABELS = { ok: '符合', problem: '有问题', not_applicable: '不适用' } as const satisfies Record<FindingStatus, string>;
export const FINDING_STATUS_COLORS = { ok: 'success', problem: 'error', not_applicable: 'default' } as const satisfies Record<FindingStatus, string>;

export const DECISION_LABELS = { approve: '审核通过', return: '退回' } as const;

export const retentionText = (r: RetentionPeriod) => `${RETENTION_LABELS[r]}（${r}）`;
export const RETENTION_OPTIONS = RETENTION_PERIODS.map((r) => ({ value: r, label: retentionText(r) }));

export const FIXITY_PROPERTY_OPTIONS = FIXITY_PROPERTIES.map((p) => ({ value: p, label: FIXITY_PROPERTY_LABELS[p] }));

const any = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

/** What the archive screens offer; the core checks every call again. */
export function archivePermissions(roles: readonly Role[]) {
  return { clerk: any(roles, ARCHIVE_CLERKS), review: any(roles, ARCHIVE_REVIEWERS), check: any(roles, ARCHIVE_CHECKERS), admin: roles.includes('admin') };
}
export type ArchivePermissions = ReturnType<typeof archivePermissions>;

/** A volume in legal review or archived is read-only: the workspace offers no edit, bind or mark action. */
export function lockedWhileArchiving<P extends { edit: boolean; bind: boolean; mark: boolean }>(can: P, status: VolumeSummaryDto['status']): P {
  return status === 'in_review' || status === 'archived' ? { ...can, edit: false, bind: false, mark: false } : can;
}
