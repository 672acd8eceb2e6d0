export const PAGE_SIZES = [20, 50, 100] as const;

/** Helpers for list filters kept in the hash (#/items?level=city&page=2), so “back” keeps them. */

export function positiveInt(raw: string | null): number | undefined {
  const n = Number(raw);
  return raw !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

export function text(raw: string | null): string | undefined {
  const v = raw?.trim();
  return v ? v : undefined;
}

export type Paging = { page: number; pageSize: number };

export function readPaging(params: URLSearchParams): Paging {
  const size = positiveInt(params.get('size'));
  return { page: positiveInt(params.get('page')) ?? 1, pageSize: PAGE_SIZES.find((s) => s === size) ?? 20 };
}

/** `base?key=value…` without empty values and without the default paging. */
export function pathWith(base: string, values: Record<string, string | number | boolean | undefined | null>, paging: Paging): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  if (paging.page > 1) params.set('page', String(paging.page));
  if (paging.pageSize !== 20) params.set('size', String(paging.pageSize));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
