import type { VolumeSummaryDto } from '../../../shared/contract/volumes';
import { VOLUME_BINDERS, VOLUME_EDITORS, VOLUME_MARKERS, VOLUME_STATUSES } from '../../../shared/contract/volumes';
import type { Role } from '../../../shared/domain/roles';
import { VOLUME_DOC_TYPES, VOLUME_DOC_TYPE_LABELS, type VolumeEntrySource } from '../../../shared/domain/volumes/volumes';

type Status = VolumeSummaryDto['status'];

export const VOLUME_STATUS_LABELS = { open: '整理中', bound: '已装订', in_review: '审核中', archived: '已归档' } as const satisfies Record<Status, string>;
export const VOLUME_STATUS_COLORS = { open: 'processing', bound: 'success', in_review: 'purple', archived: 'default' } as const satisfies Record<Status, string>;
export const VOLUME_STATUS_OPTIONS = VOLUME_STATUSES.map((s) => ({ value: s, label: VOLUME_STATUS_LABELS[s] }));

export const SOURCE_LABELS = { generated: '生成', imported: '导入' } as const satisfies Record<VolumeEntrySource, string>;
export const SOURCE_COLORS = { generated: 'blue', imported: 'green' } as const satisfies Record<VolumeEntrySource, string>;

export const DOC_TYPE_OPTIONS = VOLUME_DOC_TYPES.map((t) => ({ value: t, label: VOLUME_DOC_TYPE_LABELS[t] }));

/** The first 12 hex digits of a SHA-256, as people compare them by eye. */
export const shortHash = (sha: string) => sha.slice(0, 12);

const any = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

/** What the UI offers; the core checks every call again. */
export function volumePermissions(roles: readonly Role[]) {
  return { edit: any(roles, VOLUME_EDITORS), bind: any(roles, VOLUME_BINDERS), mark: any(roles, VOLUME_MARKERS), legal: roles.includes('legal') };
}
export type VolumePermissions = ReturnType<typeof volumePermissions>;

/** data-testid for props objects (okButtonProps …), where JSX's data-* shorthand is not available. */
export const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
