import dayjs from 'dayjs';
import { SCAN_EDITORS, type ScanPageSummaryDto } from '../../../shared/contract/scans';
import type { Role } from '../../../shared/domain/roles';
import { REVIEW_CONFIDENCE } from '../../../shared/domain/scans/scans';
import { VOLUME_DOC_TYPE_LABELS, type VolumeDocType } from '../../../shared/domain/volumes/volumes';

export { REVIEW_CONFIDENCE };

/** Files the import area takes (the core decides what it can read; a bad file fails alone with its message). */
export const SCAN_ACCEPT = '.jpg,.jpeg,.png,.tif,.tiff,.pdf';
const ACCEPTED = /\.(jpe?g|png|tiff?|pdf)$/i;
export const isScanFile = (name: string) => ACCEPTED.test(name);

/** What the UI offers; the core checks every call again. */
export function scanPermissions(roles: readonly Role[]) {
  return { edit: roles.some((r) => (SCAN_EDITORS as readonly Role[]).includes(r)) };
}
export type ScanPermissions = ReturnType<typeof scanPermissions>;

/** Short type labels for tags (the long ones name two kinds of record). */
export const docTypeLabel = (t: VolumeDocType) => VOLUME_DOC_TYPE_LABELS[t];

export const PAGE_STATUS_LABELS = { pending: '识别中', done: '已识别', failed: '识别失败', separator: '分隔页' } as const satisfies Record<ScanPageSummaryDto['status'], string>;

/** A document's heading: its title, else its number (the type is shown beside it as a tag). */
export const documentHeading = (d: { id: number; title: string | null }) => d.title ?? `扫描件 ${d.id}`;

export const confidenceText = (c: number | null) => (c === null ? '—' : `${Math.round(c)}`);

/** data-testid for props objects (okButtonProps …), where JSX's data-* shorthand is not available. */
export const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;

/** Local date and time as 2026-04-01 09:30. */
export const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
