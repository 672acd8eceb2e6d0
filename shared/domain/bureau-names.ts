import { normaliseHeader } from './imports';

export type NamedBureau = { id: number; divisionCode: string; name: string; shortName: string };

/**
 * Resolve what people write for a bureau in a spreadsheet: the full name (和平区市场监督管理局), with the
 * city in front (沈阳市和平区市场监督管理局), the district alone (和平区, 和平), the 6-digit division code,
 * or the document short name (沈和市监).
 */
export function bureauResolver(bureaus: readonly NamedBureau[]): (text: string) => number | undefined {
  const lookup = new Map<string, number>();
  const put = (key: string, id: number) => {
    const k = normaliseHeader(key);
    if (k && !lookup.has(k)) lookup.set(k, id);
  };
  for (const b of bureaus) {
    put(b.divisionCode, b.id);
    put(b.name, b.id);
    put(b.shortName, b.id);
    const place = b.name.replace(/市场监督管理局$/, '');
    put(place, b.id);
    put(`${place}市场监管局`, b.id);
    if (b.divisionCode.endsWith('00')) {
      for (const alias of ['市局', '沈阳', '沈阳市局']) put(alias, b.id);
      continue;
    }
    put(`${place}局`, b.id);
    put(`${place}分局`, b.id);
    put(`沈阳市${b.name}`, b.id);
    put(`沈阳市${place}`, b.id);
    const bare = place.replace(/(新区|区|县|市)$/, '');
    if ([...bare].length >= 2) {
      put(bare, b.id);
      put(`${bare}分局`, b.id);
    }
  }
  return (text) => lookup.get(normaliseHeader(text));
}
