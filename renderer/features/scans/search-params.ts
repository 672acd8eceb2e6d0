import { VOLUME_DOC_TYPES, type VolumeDocType } from '../../../shared/domain/volumes/volumes';

export type SearchState = { q: string; year?: number; docType?: VolumeDocType };

/** 全文检索's query and filters live in the address (#/search?q=…&year=…&docType=…), so back/forward and links work. */
export function readSearchState(params: URLSearchParams): SearchState {
  const year = Number(params.get('year'));
  const docType = params.get('docType');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    docType: (VOLUME_DOC_TYPES as readonly string[]).includes(docType ?? '') ? (docType as VolumeDocType) : undefined,
  };
}

export function searchPath(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.year) p.set('year', String(s.year));
  if (s.docType) p.set('docType', s.docType);
  const query = p.toString();
  return query ? `/search?${query}` : '/search';
}
