import type { InspectionMethod, ResultCategory } from '../inspections/inspections';
import { needsFollowUp } from '../inspections/inspections';
import type { CustodyRule } from '../items';

/**
 * Case volumes (随机抽查专卷): document types in the binding order of domain-reference §3.7, the default
 * order of a volume's documents, its retention period and its completeness checklist. Pure: no I/O.
 */

/** Document types of a volume, listed in binding order (§3.7 items 3–10); 其他 goes last, before the 备考表. */
export const VOLUME_DOC_TYPES = ['task_list', 'notice', 'service_proof', 'register', 'interview', 'evidence', 'order', 'recheck', 'publication', 'transfer', 'other'] as const;
export type VolumeDocType = (typeof VOLUME_DOC_TYPES)[number];

export const VOLUME_DOC_TYPE_LABELS = {
  task_list: '抽查任务单 / 抽取名单摘录 / 案源材料',
  notice: '行政检查告知书',
  service_proof: '送达回证',
  register: '行政检查登记表 / 现场检查笔录',
  interview: '询问笔录',
  evidence: '证据材料',
  order: '责令改正通知书',
  recheck: '复查记录',
  publication: '结果确认及公示记录',
  transfer: '移送 / 抄告文书',
  other: '其他',
} as const satisfies Record<VolumeDocType, string>;

export const VOLUME_ENTRY_SOURCES = ['generated', 'imported'] as const;
export type VolumeEntrySource = (typeof VOLUME_ENTRY_SOURCES)[number];

export const VOLUME_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type VolumeMediaType = (typeof VOLUME_MEDIA_TYPES)[number];

/** A rectangle on a page as fractions (0–1) of the upright page, origin top-left. */
export type Region = { x0: number; y0: number; x1: number; y1: number };

/**
 * Whether a 不予公开 rectangle can be burned into the page's own pixels: a page filed from the scanning inbox
 * (its stored scan and OCR words), or an imported JPEG / PNG (the image is the page). A PDF's page cannot be
 * redacted part by part here, so a rectangle there withholds the whole page.
 */
export function regionSource(entry: { scanDocumentId: number | null; mediaType: VolumeMediaType }): boolean {
  return entry.scanDocumentId !== null || entry.mediaType !== 'application/pdf';
}

export const PAGE_ROTATIONS = [0, 90, 180, 270] as const;
export type PageRotation = (typeof PAGE_ROTATIONS)[number];

/**
 * Why a volume was opened by hand (item 1): a drawn volume takes its purpose from its task; complaint- and
 * referral-driven inspections are not drawn, so their volumes are opened by a clerk with the case's source.
 */
export const MANUAL_VOLUME_PURPOSES = ['complaint', 'referral'] as const;
export type ManualVolumePurpose = (typeof MANUAL_VOLUME_PURPOSES)[number];
export const MANUAL_VOLUME_PURPOSE_LABELS = { complaint: '投诉举报', referral: '转办交办' } as const satisfies Record<ManualVolumePurpose, string>;
/** What the source reference is called for each purpose (the complaint's registration number, the referral's 文号). */
export const MANUAL_VOLUME_BASIS_LABELS = { complaint: '投诉举报登记编号', referral: '交办文号' } as const satisfies Record<ManualVolumePurpose, string>;

/**
 * 案卷题名 pattern per inspecting bureau (the unit that 立卷): placeholders {对象名称} (required), {检查来源}
 * (双随机抽查, or 投诉举报 / 转办交办 for a volume opened by hand) and {年度}; other characters stay as written.
 */
export const VOLUME_TITLE_TOKENS = ['对象名称', '检查来源', '年度'] as const;
export const DEFAULT_VOLUME_TITLE_PATTERN = '关于对{对象名称}的{检查来源}检查专卷';
export const VOLUME_TITLE_MAX = 300;

export function titlePatternProblems(pattern: string): string[] {
  const tokens = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] as string);
  const problems = tokens.filter((t) => !(VOLUME_TITLE_TOKENS as readonly string[]).includes(t)).map((t) => `未知的占位符 {${t}}`);
  if (!tokens.includes('对象名称')) problems.push('缺少 {对象名称}');
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ''))) problems.push('花括号不成对');
  if (pattern.length > 100) problems.push('过长（最多 100 字）');
  return problems;
}

/** The generated 案卷题名 (editable afterwards): "关于对沈阳××有限公司的双随机抽查检查专卷", or "…的投诉举报检查专卷" for one opened by hand. */
export function volumeTitle(targetName: string, purpose: ManualVolumePurpose | null = null, pattern = DEFAULT_VOLUME_TITLE_PATTERN, year: number | null = null): string {
  const values: Record<(typeof VOLUME_TITLE_TOKENS)[number], string> = {
    对象名称: targetName.trim(),
    检查来源: purpose === null ? '双随机抽查' : MANUAL_VOLUME_PURPOSE_LABELS[purpose],
    年度: year === null ? '' : String(year),
  };
  const title = pattern.replace(/\{([^{}]*)\}/g, (whole, token: string) => values[token as keyof typeof values] ?? whole).trim();
  return title.length > VOLUME_TITLE_MAX ? title.slice(0, VOLUME_TITLE_MAX) : title;
}

/** Art. 8: the 登记机关 keeps the volume when every item says so and the target has one; otherwise its 属地 bureau. */
export function custodyBureau(rules: readonly CustodyRule[], target: { registrationBureauId: number | null; territorialBureauId: number }): { bureauId: number; rule: CustodyRule } {
  return rules.length > 0 && rules.every((r) => r === 'registration') && target.registrationBureauId !== null
    ? { bureauId: target.registrationBureauId, rule: 'registration' }
    : { bureauId: target.territorialBureauId, rule: 'territorial' };
}

/** Generated document kinds → their place in the volume. */
export const GENERATED_DOC_TYPES = { notice: 'notice', register: 'register', order: 'order' } as const satisfies Record<string, VolumeDocType>;

const rank = (t: VolumeDocType): number => VOLUME_DOC_TYPES.indexOf(t);

export type OrderableEntry = { id: number; docType: VolumeDocType; docDate: string | null; position: number | null };

/**
 * The order documents are bound in. Stored positions (set by a reorder) come first, as stored; entries
 * added after a reorder have none and follow in the default order: binding order of §3.7, then date
 * (undated last), then the order they were added in.
 */
export function orderEntries<T extends OrderableEntry>(entries: readonly T[]): T[] {
  const byDefault = (a: T, b: T) => rank(a.docType) - rank(b.docType) || (a.docDate ?? '9999').localeCompare(b.docDate ?? '9999') || a.id - b.id;
  const placed = entries.filter((e) => e.position !== null).sort((a, b) => (a.position as number) - (b.position as number) || a.id - b.id);
  const rest = entries.filter((e) => e.position === null).sort(byDefault);
  return [...placed, ...rest];
}

export const RETENTION_PERIODS = ['Y', 'D30', 'D10'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];
export const RETENTION_LABELS = { Y: '永久', D30: '30年', D10: '10年' } as const satisfies Record<RetentionPeriod, string>;

/** §3.6 default: 10 years when the result closes without a problem, 30 years when a problem was found. */
export function defaultRetention(categories: readonly ResultCategory[], hadCorrections: boolean): RetentionPeriod {
  return hadCorrections || needsFollowUp(categories) || categories.some((c) => c === 'corrected') ? 'D30' : 'D10';
}

/* ---------- completeness checklist ---------- */

export const CHECKLIST_KEYS = ['basis', 'notice', 'service_proof', 'register', 'register_signed', 'result_reviewed', 'publication', 'correction_order', 'recheck'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export type ChecklistItem = { key: ChecklistKey; label: string; status: 'ok' | 'missing'; note: string | null };

/** What the checklist looks at: the inspection's facts and the document types present in the volume. */
export type ChecklistFacts = {
  methods: readonly InspectionMethod[];
  /** Document types of entries with at least one page that is not excluded. */
  docTypes: ReadonlySet<VolumeDocType>;
  signing: { status: 'signed' | 'refused' | 'absent'; witnessName: string | null } | null;
  reviewed: boolean;
  published: boolean;
  corrections: readonly { status: 'open' | 'corrected' | 'not_corrected' | 'handed_over'; recheckOn: string | null }[];
  /** Opened by hand (投诉举报 / 转办交办): no inspection is kept in the system, so the filed documents are the evidence. */
  byHand?: boolean;
};

/**
 * Required items from the method and the result: the notice and its proof of service always; the 登记表
 * and its signature (or the refusal/absence with a witness) when inspected on site; the reviewed result
 * and its publication; the 责令改正通知书 and a re-check for each correction order.
 */
export function volumeChecklist(f: ChecklistFacts): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const add = (key: ChecklistKey, label: string, ok: boolean, note: string | null = null) => items.push({ key, label, status: ok ? 'ok' : 'missing', note });
  if (f.byHand) {
    // The same stages, each proven by a filed document of its type (§3.7), led by where the case came from.
    add('basis', '案源材料（投诉举报登记 / 转办交办单）', f.docTypes.has('task_list'), f.docTypes.has('task_list') ? null : '按“抽查任务单 / 抽取名单摘录 / 案源材料”类别归入');
    add('notice', '行政检查告知书', f.docTypes.has('notice'));
    add('service_proof', '告知书送达回证', f.docTypes.has('service_proof'));
    add('register', '行政检查登记表 / 现场检查笔录', f.docTypes.has('register'), '当事人签字或拒签、不在场及见证人情况以登记表为准');
    add('publication', '检查结果确认及公示记录', f.docTypes.has('publication'));
    if (f.docTypes.has('order')) add('recheck', '整改复查记录', f.docTypes.has('recheck'), '卷内有责令改正通知书');
    return items;
  }
  add('notice', '行政检查告知书', f.docTypes.has('notice'));
  add('service_proof', '告知书送达回证', f.docTypes.has('service_proof'));
  if (f.methods.includes('on_site') || f.methods.length === 0) {
    add('register', '行政检查登记表 / 现场检查笔录', f.docTypes.has('register'));
    const signing = f.signing;
    const signed = signing !== null && (signing.status === 'signed' || (signing.witnessName ?? '').trim() !== '');
    const note = signing === null ? '未登记签字情况' : signing.status === 'signed' ? null : `当事人${signing.status === 'refused' ? '拒绝签字' : '不在场'}，见证人：${signing.witnessName ?? '无'}`;
    add('register_signed', '登记表当事人签字（或拒签 / 不在场及见证人记录）', signed, note);
  }
  add('result_reviewed', '检查结果已复核', f.reviewed);
  add('publication', '检查结果公示记录', f.published);
  if (f.corrections.length > 0) {
    add('correction_order', '责令改正通知书', f.docTypes.has('order'));
    const pending = f.corrections.filter((c) => c.status !== 'handed_over' && c.recheckOn === null).length;
    add('recheck', '整改复查记录', pending === 0 && (f.docTypes.has('recheck') || f.corrections.every((c) => c.status === 'handed_over')), pending > 0 ? `${pending} 项责令改正尚未复查` : null);
  }
  return items;
}

export const isComplete = (items: readonly ChecklistItem[]): boolean => items.every((i) => i.status === 'ok');

/** 页号 range of a document in the 卷内文件目录: "5" for one page, "5–7" for several, "—" when none is bound. */
export function pageRange(first: number | null, count: number): string {
  if (first === null || count === 0) return '—';
  return count === 1 ? String(first) : `${first}–${first + count - 1}`;
}
