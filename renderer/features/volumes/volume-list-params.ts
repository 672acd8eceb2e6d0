import type { MethodInput } from '../../../shared/contract/index';
import { VOLUME_STATUSES } from '../../../shared/contract/volumes';
import { oneOf, pathWith, readPaging, text, type Paging } from '../directory/list-params';

export type VolumeListState = Paging & { status?: (typeof VOLUME_STATUSES)[number]; q?: string };

export function readVolumeListState(params: URLSearchParams): VolumeListState {
  return { status: oneOf(VOLUME_STATUSES, params.get('status')), q: text(params.get('q')), ...readPaging(params) };
}

export function volumeListPath(s: VolumeListState): string {
  return pathWith('/volumes', { status: s.status, q: s.q }, s);
}

export function toVolumeListInput(s: VolumeListState): MethodInput<'volumes.list'> {
  return { status: s.status, q: s.q, page: s.page, pageSize: s.pageSize };
}
