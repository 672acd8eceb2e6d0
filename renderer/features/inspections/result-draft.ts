import type { MethodInput } from '../../../shared/contract/index';
import type { InspectionDto } from '../../../shared/contract/inspections';
import type { FollowUpMeasure, NonPublicReason, ResultCategory } from '../../../shared/domain/inspections/inspections';

export type ItemDraft = { itemId: number; itemName: string; checked: boolean; finding: string; handling: string };

/** The result form's state: plain strings while editing, nulls only when sent. */
export type ResultDraft = {
  categories: ResultCategory[];
  measures: FollowUpMeasure[];
  measureOther: string;
  summary: string;
  items: ItemDraft[];
  remark: string;
  remarkNonPublic: NonPublicReason | null;
  nonPublic: NonPublicReason | null;
  nonPublicNote: string;
};

/** Starts from the saved result, or from the inspection's items (each 是否检查 = 是) when there is none. */
export function draftOf(i: InspectionDto): ResultDraft {
  const r = i.result;
  const saved = new Map((r?.items ?? []).map((it) => [it.itemId, it]));
  return {
    categories: [...(r?.categories ?? [])],
    measures: [...(r?.measures ?? [])],
    measureOther: r?.measureOther ?? '',
    summary: r?.summary ?? '',
    items: i.items.map((item) => {
      const s = saved.get(item.id);
      return { itemId: item.id, itemName: item.name, checked: s?.checked ?? true, finding: s?.finding ?? '', handling: s?.handling ?? '' };
    }),
    remark: r?.remark ?? '',
    remarkNonPublic: r?.remarkNonPublic ?? null,
    nonPublic: r?.nonPublic ?? null,
    nonPublicNote: r?.nonPublicNote ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function saveInput(i: InspectionDto, d: ResultDraft): MethodInput<'inspections.saveResult'> {
  return {
    id: i.id,
    version: i.version,
    categories: d.categories,
    measures: d.measures,
    measureOther: d.measures.includes('other') ? orNull(d.measureOther) : null,
    summary: orNull(d.summary),
    items: d.items.map((it) => ({ itemId: it.itemId, checked: it.checked, finding: orNull(it.finding), handling: orNull(it.handling) })),
    remark: orNull(d.remark),
    remarkNonPublic: orNull(d.remark) ? d.remarkNonPublic : null,
    nonPublic: d.nonPublic,
    nonPublicNote: d.nonPublic ? orNull(d.nonPublicNote) : null,
  };
}
