import type { RetentionPeriod } from '../volumes/volumes';

/**
 * Local archives (issue 8): the legal review's checklist, the 档号 pattern (domain-reference §3.5) and
 * the four-property check's vocabulary (§6). Pure: no I/O.
 */

/* ---------- legal review (法制审核 / 案卷评查) ---------- */

/** Findings the core computes from the volume, the inspection and the bindings. */
export const AUTO_FINDING_KEYS = ['completeness', 'deadlines', 'signatures', 'non_public', 'custody', 'result_follow_up'] as const;
export type AutoFindingKey = (typeof AUTO_FINDING_KEYS)[number];
export const AUTO_FINDING_LABELS = {
  completeness: '材料齐全（必备文书及送达、复核、公示记录）',
  deadlines: '各项期限均已按时完成（结果录入、公示、责令改正）',
  signatures: '当事人签字，或拒签 / 不在场及见证人记录',
  non_public: '不予公开材料已标记，公开版为最新',
  custody: '保管单位正确（登记机关或属地，沈阳规则第八条）',
  result_follow_up: '检查结果类别与后续处置一致',
} as const satisfies Record<AutoFindingKey, string>;

/** Items the legal reviewer judges and ticks by hand. */
export const MANUAL_ITEM_KEYS = ['facts_clear', 'evidence_sufficient', 'procedure_lawful', 'documents_standard', 'result_proper'] as const;
export type ManualItemKey = (typeof MANUAL_ITEM_KEYS)[number];
export const MANUAL_ITEM_LABELS = {
  facts_clear: '检查事实清楚',
  evidence_sufficient: '证据确实充分',
  procedure_lawful: '检查程序合法（告知、亮证、两名以上执法人员）',
  documents_standard: '文书制作规范、填写完整',
  result_proper: '检查结果认定及处置适当',
} as const satisfies Record<ManualItemKey, string>;

export const FINDING_STATUSES = ['ok', 'problem', 'not_applicable'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export type AutoFinding = { key: AutoFindingKey; label: string; status: FindingStatus; notes: string[] };
export type ManualItem = { key: ManualItemKey; ok: boolean; note: string | null };

export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A decision is acceptable when every manual item is answered; approving needs every manual item to be
 * met, and automatic findings with a problem explained in the comments. Returns what is wrong, or [].
 */
export function decisionProblems(decision: ReviewDecision, findings: readonly AutoFinding[], items: readonly ManualItem[], comments: string | null): string[] {
  const problems: string[] = [];
  const given = new Set(items.map((i) => i.key));
  const missing = MANUAL_ITEM_KEYS.filter((k) => !given.has(k));
  if (missing.length > 0 || given.size !== items.length) problems.push(`须逐项填写人工审核项目：${missing.map((k) => MANUAL_ITEM_LABELS[k]).join('、') || '有重复项'}`);
  const hasComments = (comments ?? '').trim() !== '';
  if (decision === 'approve') {
    const failed = items.filter((i) => !i.ok).map((i) => MANUAL_ITEM_LABELS[i.key]);
    if (failed.length > 0) problems.push(`不符合要求的人工审核项目不能审核通过：${failed.join('、')}`);
    const open = findings.filter((f) => f.status === 'problem').map((f) => f.label);
    if (open.length > 0 && !hasComments) problems.push(`自动检查发现问题，审核通过须说明意见：${open.join('、')}`);
  } else if (!hasComments) {
    problems.push('退回须填写审核意见');
  }
  return problems;
}

/** What goes back to the clerk with a returned volume: failed findings and items, then the comments. */
export function returnList(findings: readonly AutoFinding[], items: readonly ManualItem[], comments: string | null): string[] {
  return [
    ...findings.filter((f) => f.status === 'problem').map((f) => `${f.label}：${f.notes.join('；') || '不符合'}`),
    ...items.filter((i) => !i.ok).map((i) => `${MANUAL_ITEM_LABELS[i.key]}${i.note ? `：${i.note}` : ''}`),
    ...((comments ?? '').trim() ? [(comments as string).trim()] : []),
  ];
}

/* ---------- 档号 (§3.5) ---------- */

/** The bureau's pattern; `{…}` are filled in, everything else is literal. DA/T 13: levels by "-", same level by "·". */
export const DEFAULT_ARCHIVE_PATTERN = '{全宗号}-WS·{年度}-{保管期限}-{机构代码}-{案卷号}';
export const ARCHIVE_PATTERN_TOKENS = ['全宗号', '年度', '保管期限', '机构代码', '案卷号'] as const;
const REQUIRED_TOKENS = ['全宗号', '年度', '保管期限', '案卷号'] as const;

export type ArchiveNoFacts = { fondsCode: string; year: number; retention: RetentionPeriod; orgCode: string; seq: number };

/** Problems of a pattern: unknown tokens, a missing required one (a 档号 must be unique per bureau, year and retention). */
export function patternProblems(pattern: string): string[] {
  const tokens = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] as string);
  const problems = tokens.filter((t) => !(ARCHIVE_PATTERN_TOKENS as readonly string[]).includes(t)).map((t) => `未知的占位符 {${t}}`);
  for (const t of REQUIRED_TOKENS) if (!tokens.includes(t)) problems.push(`缺少 {${t}}`);
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ''))) problems.push('花括号不成对');
  if (pattern.length > 100) problems.push('过长');
  return problems;
}

/** 案卷号: 3 digits, zero-padded (more digits past 999). */
export const volumeSeq = (seq: number): string => String(seq).padStart(3, '0');

export function formatArchiveNo(pattern: string, f: ArchiveNoFacts): string {
  const values: Record<(typeof ARCHIVE_PATTERN_TOKENS)[number], string> = { 全宗号: f.fondsCode, 年度: String(f.year), 保管期限: f.retention, 机构代码: f.orgCode, 案卷号: volumeSeq(f.seq) };
  return pattern.replace(/\{([^{}]*)\}/g, (whole, token: string) => values[token as keyof typeof values] ?? whole);
}

/** Retention at archiving: the §3.6 default, or 永久 (Y) with a reason. */
export function retentionProblem(defaultRetention: RetentionPeriod, requested: RetentionPeriod | undefined, reason: string | null | undefined): string | null {
  if (requested === undefined || requested === defaultRetention) return null;
  if (requested !== 'Y') return `保管期限只能为默认的 ${defaultRetention} 或永久（Y）`;
  return (reason ?? '').trim() === '' ? '改为永久须填写理由' : null;
}

/* ---------- four-property checks (四性检测, DA/T 70, §6) ---------- */

export const FIXITY_PROPERTIES = ['authenticity', 'integrity', 'usability', 'security'] as const;
export type FixityProperty = (typeof FIXITY_PROPERTIES)[number];
export const FIXITY_PROPERTY_LABELS = { authenticity: '真实性', integrity: '完整性', usability: '可用性', security: '安全性' } as const satisfies Record<FixityProperty, string>;

/** Stable failure codes of a check; the item says which record or file. */
export const FIXITY_CODES = {
  BLOB_MISSING: 'authenticity',
  BLOB_HASH_MISMATCH: 'authenticity',
  BLOB_SIZE_MISMATCH: 'authenticity',
  BINDING_HASH_MISMATCH: 'authenticity',
  BINDING_SIZE_MISMATCH: 'authenticity',
  AUDIT_CHAIN_BROKEN: 'authenticity',
  AUDIT_ROW_MISMATCH: 'authenticity',
  ARCHIVE_NO_INVALID: 'authenticity',
  ARCHIVED_FILE_MISMATCH: 'authenticity',
  BINDING_PAGES_MISMATCH: 'integrity',
  ARCHIVED_FILE_MISSING: 'integrity',
  PAGE_NUMBERING_BROKEN: 'integrity',
  ENTRY_MISSING: 'integrity',
  ENTRY_PAGES_MISMATCH: 'integrity',
  METADATA_MISSING: 'integrity',
  NOT_BOUND: 'integrity',
  PDF_UNREADABLE: 'usability',
  IMAGE_UNDECODABLE: 'usability',
  FONT_NOT_EMBEDDED: 'usability',
  PUBLIC_COPY_MISSING: 'security',
  PUBLIC_COPY_STALE: 'security',
  PUBLIC_COPY_LEAK: 'security',
  REVIEW_INVALID: 'security',
} as const satisfies Record<string, FixityProperty>;
export type FixityCode = keyof typeof FIXITY_CODES;
export const FIXITY_CODE_LIST = Object.keys(FIXITY_CODES) as FixityCode[];

export const FIXITY_CODE_LABELS = {
  BLOB_MISSING: '文件缺失',
  BLOB_HASH_MISMATCH: '文件内容与登记的 SHA-256 不一致',
  BLOB_SIZE_MISMATCH: '文件大小与登记不一致',
  BINDING_HASH_MISMATCH: '装订版本的 SHA-256 与文件不一致',
  BINDING_SIZE_MISMATCH: '装订版本的字节数与文件不一致',
  AUDIT_CHAIN_BROKEN: '审计日志哈希链断裂',
  AUDIT_ROW_MISMATCH: '记录与最后审计状态不一致（可能被绕过系统修改）',
  ARCHIVE_NO_INVALID: '档号不规范或与档号规则不符',
  ARCHIVED_FILE_MISMATCH: '归档文件与审核通过的装订版本不一致（来源或正文页面不符）',
  BINDING_PAGES_MISMATCH: '装订版本的页数与文件不一致',
  ARCHIVED_FILE_MISSING: '已归档的专卷缺少归档文件（归档或最近一次补充件之后没有生成）',
  PAGE_NUMBERING_BROKEN: '页号不连续',
  ENTRY_MISSING: '卷内文件缺失',
  ENTRY_PAGES_MISMATCH: '卷内文件的页数与文件不一致',
  METADATA_MISSING: '必填著录项缺失',
  NOT_BOUND: '专卷尚未装订',
  PDF_UNREADABLE: 'PDF 无法解析',
  IMAGE_UNDECODABLE: '图像无法解码',
  FONT_NOT_EMBEDDED: '字体未嵌入',
  PUBLIC_COPY_MISSING: '有不予公开材料但没有公开版',
  PUBLIC_COPY_STALE: '公开版不是最新（不予公开标记或装订版本已变化）',
  PUBLIC_COPY_LEAK: '公开版中含有不予公开的页面内容',
  REVIEW_INVALID: '归档未经有效的法制审核（须审核通过归档的版本，审核人不是装订或提交人）',
} as const satisfies Record<FixityCode, string>;

export type FixityFailure = { volumeId: number | null; property: FixityProperty; code: FixityCode; item: string; detail: string };

export const fixityFailure = (volumeId: number | null, code: FixityCode, item: string, detail: string): FixityFailure => ({ volumeId, property: FIXITY_CODES[code], code, item, detail });

/** What a binding records about its structure (volume_bindings.manifest). */
export type BindingManifest = { frontPages: number; backPages: number; entries: { entryId: number; firstPage: number | null; lastPage: number | null; pages: number }[] };

/** §3.4: content pages numbered 1…n without gaps, in the 目录's order; front + content + back = the file. */
export function numberingProblems(m: BindingManifest, contentPages: number, pages: number): string[] {
  const problems: string[] = [];
  let next = 1;
  for (const e of m.entries) {
    if (e.pages === 0) continue;
    if (e.firstPage !== next || e.lastPage !== next + e.pages - 1) problems.push(`卷内文件 ${e.entryId} 的页号为 ${e.firstPage}–${e.lastPage}，应为 ${next}–${next + e.pages - 1}`);
    next += e.pages;
  }
  if (next - 1 !== contentPages) problems.push(`正文共 ${next - 1} 页，版本记录为 ${contentPages} 页`);
  if (m.frontPages + contentPages + m.backPages !== pages) problems.push(`封面目录 ${m.frontPages} + 正文 ${contentPages} + 备考表 ${m.backPages} ≠ ${pages} 页`);
  return problems;
}
