import { DRAW_PURPOSE_LABELS, EXCLUSION_REASON_LABELS, type DrawRecord, type ExclusionReason } from '../../../shared/domain/draws/draw-record';
import type { StratumKey } from '../../../shared/domain/draws/draw-types';
import { RISK_LEVEL_LABELS, type RiskLevel } from '../../../shared/domain/targets';
import { createPdfBuilder, type MissingGlyph, type PdfBuilder } from '../documents/pdf-builder';

type Deps = {
  fontBytes: Uint8Array;
  /** Told about characters the font lacks (printed as □), e.g. a rare character in a company name. */
  onMissingGlyphs?: (missing: MissingGlyph[]) => void;
};

const TITLE = '随机抽查摇号记录';
const SEED_SOURCE_LABELS = { csprng: '本机密码学安全随机数发生器（CSPRNG）生成', supplied: '外部提供（现场公开产生后录入）' } as const;
const ITEM_CLASS_LABELS = { general: '一般事项', key: '重点事项' } as const;
const NONE = '无';

/**
 * The printable 随机抽查摇号记录 (A4, Chinese): task, seed commitment and seed, population and exclusion
 * digests, the strata, every selected target with its inspectors and experts, how to re-run the draw,
 * and signature lines. Deterministic: the same record gives the same bytes (dates come from the record).
 */
export async function renderDrawRecordPdf(record: DrawRecord, deps: Deps): Promise<Uint8Array> {
  const pdf = await createPdfBuilder({
    fontBytes: deps.fontBytes,
    title: `${TITLE}（${record.task.name}）`,
    author: record.task.bureau.name,
    subject: `${record.task.bureau.name} ${record.task.planTitle} ${record.task.name}`,
    keywords: ['双随机、一公开', '随机抽查', '摇号记录', record.algorithm],
    creationDate: new Date(parseInstant(record.drawnAt) ?? 0),
  });
  pdf.heading(TITLE, { size: 20 });
  pdf.heading(record.task.bureau.name, { size: 13, bold: false });
  pdf.spacer(8);
  section(pdf, '一、摇号基本信息');
  pdf.keyValueTable(taskRows(record), { labelWidth: 96 });
  section(pdf, '二、随机种子与检查对象库');
  pdf.keyValueTable(seedRows(record), { labelWidth: 96 });
  section(pdf, '三、分层抽取情况');
  drawStrata(pdf, record);
  section(pdf, `四、抽中检查对象及执法检查人员（共 ${record.selected.length} 个）`);
  drawSelected(pdf, record);
  pdf.ensureSpace(280); // the explanation stays on the page with the signatures
  section(pdf, '五、复算验证说明');
  pdf.paragraph(verificationText(record), { size: 10, indent: 20 });
  pdf.spacer(18);
  pdf.signatureLines(['操作人', '见证人', '监督人']);
  const bytes = await pdf.finish();
  const missing = pdf.missingGlyphs();
  if (missing.length > 0) deps.onMissingGlyphs?.(missing);
  return bytes;
}

function section(pdf: PdfBuilder, title: string): void {
  pdf.spacer(6);
  pdf.heading(title, { size: 12, align: 'left' });
  pdf.spacer(3);
}

function taskRows(record: DrawRecord): [string, string][] {
  const { task } = record;
  const items = task.items.map((item, i) => `${i + 1}. ${item.name}（${ITEM_CLASS_LABELS[item.itemClass]}）`).join('\n');
  return [
    ['抽查任务', task.name],
    ['年度抽查计划', `${task.planTitle}（${task.year} 年度）`],
    ['实施机关', task.bureau.name],
    ['抽查类型', task.directed ? '定向抽查' : '不定向抽查'],
    ['抽查目的', DRAW_PURPOSE_LABELS[task.purpose]],
    ['抽查事项', items || NONE],
    ['抽查范围', task.scope || NONE],
    ['摇号编号', String(record.drawId)],
    ['摇号时间', `${formatBeijingTime(record.drawnAt)}（北京时间）`],
    ['操作人', `${record.operator.name}（${record.operator.login}）`],
    ['见证人', record.witness?.trim() || NONE],
    ['人员匹配规则', matchingRules(record)],
  ];
}

function matchingRules(record: DrawRecord): string {
  const r = record.matching.rules;
  const parts = [
    `每个检查对象 ${r.teamSize} 名执法检查人员${r.expertsPerTarget > 0 ? `、${r.expertsPerTarget} 名专家（${r.expertFields.join('、') || '不限领域'}）` : ''}`,
    r.maxPerInspector === null ? '每人检查对象数不限' : `每人最多 ${r.maxPerInspector} 个检查对象`,
    `检查期间 ${r.window.from} 至 ${r.window.to}`,
  ];
  if (r.requiredSkills.length > 0) parts.push(`须具备：${r.requiredSkills.join('、')}`);
  if (r.matchRegion) parts.push('按属地匹配');
  if (r.avoidLastPair) parts.push('不与上次检查的人员组合相同');
  return parts.join('；');
}

function seedRows(record: DrawRecord): [string, string][] {
  const { seed, population, exclusions } = record;
  const byReason = Object.entries(exclusions.byReason)
    .map(([reason, count]) => `${reason in EXCLUSION_REASON_LABELS ? EXCLUSION_REASON_LABELS[reason as ExclusionReason] : reason}：${count} 个`)
    .join('\n');
  return [
    ['算法版本', record.algorithm],
    ['随机种子来源', SEED_SOURCE_LABELS[seed.source] + (seed.note ? `（${seed.note}）` : '')],
    ['种子承诺值（SHA-256）', seed.commitment],
    ['承诺时间', `${formatBeijingTime(seed.committedAt)}（北京时间）`],
    ['随机种子', seed.hex],
    ['检查对象库摘要（SHA-256）', population.digest],
    ['检查对象库总数', `${population.size} 个`],
    ['排除对象', `共 ${exclusions.total} 个${byReason ? `\n${byReason}` : ''}`],
    ['排除清单摘要（SHA-256）', exclusions.digest],
    ['抽中名单摘要（SHA-256）', record.selectedDigest],
    ['人员匹配摘要（SHA-256）', record.matching.digest],
  ];
}

function drawStrata(pdf: PdfBuilder, record: DrawRecord): void {
  const strata = record.population.strata;
  const rows = strata.map((s) => [stratumLabel(s.stratum), String(s.size), formatRatio(s.ratioBp), String(s.sampleSize), `${s.digest.slice(0, 16)}…`]);
  const sum = (pick: (s: (typeof strata)[number]) => number) => String(strata.reduce((total, s) => total + pick(s), 0));
  rows.push(['合计', sum((s) => s.size), '', sum((s) => s.sampleSize), '']);
  pdf.table({
    columns: [
      { title: '分层（风险等级/信用类别）', width: 0.34 },
      { title: '对象数', width: 0.14, align: 'right' },
      { title: '抽查比例', width: 0.14, align: 'right' },
      { title: '抽取数', width: 0.14, align: 'right' },
      { title: '分层摘要（SHA-256）', width: 0.24, align: 'center' },
    ],
    rows,
  });
}

function drawSelected(pdf: PdfBuilder, record: DrawRecord): void {
  const inspectors = new Map(record.matching.candidates.map((c) => [c.id, c.certNo ? `${c.name}（${c.certNo}）` : c.name]));
  const experts = new Map(record.matching.experts.map((e) => [e.id, e.name]));
  const assignments = new Map(record.matching.assignments.map((a) => [a.targetId, a]));
  const rows = record.selected.map((target) => {
    const assignment = assignments.get(target.targetId);
    const names = (assignment?.inspectorIds ?? []).map((id) => inspectors.get(id) ?? `人员 #${id}`);
    const expertNames = (assignment?.expertIds ?? []).map((id) => experts.get(id) ?? `专家 #${id}`);
    return [String(target.seq), target.code, target.name, stratumLabel(target.stratum), names.join('\n') || '—', expertNames.join('、') || '—'];
  });
  pdf.table({
    columns: [
      { title: '序号', width: 34, align: 'center' },
      { title: '统一社会信用代码/标识', width: 100 },
      { title: '名称', width: 1 },
      { title: '分层', width: 64, align: 'center' },
      { title: '执法检查人员（执法证号）', width: 118 },
      { title: '专家', width: 44 },
    ],
    rows,
    size: 8.5,
  });
}

function verificationText(record: DrawRecord): string {
  return (
    `任何人可使用摇号记录文件与检查对象库清单，按随摇号记录一并导出的算法规范 draw-algorithm.md（${record.algorithm}）复算：` +
    '先计算随机种子的 SHA-256，应与摇号前公布的种子承诺值一致；再计算检查对象库清单的 SHA-256，应与上列检查对象库摘要一致；' +
    '然后以该随机种子按分层顺序和各层抽取数重新抽取，所得抽中名单的 SHA-256 应与抽中名单摘要一致。' +
    '执法检查人员和专家的匹配结果，可按记录中的匹配规则和候选人员名单复算，其 SHA-256 应与人员匹配摘要一致。' +
    '任何一项不一致，即说明记录或清单已被改动。'
  );
}

/** `higher/C` → `较高/C类`; unrated parts → `未评级`. */
export function stratumLabel(stratum: StratumKey): string {
  const [risk = '', credit = ''] = stratum.split('/');
  const riskLabel = risk in RISK_LEVEL_LABELS ? RISK_LEVEL_LABELS[risk as RiskLevel] : '未评级';
  return `${riskLabel}/${credit === 'unrated' ? '未评级' : `${credit}类`}`;
}

/** Basis points as a percentage with two decimals: 250 → `2.50%`. */
const formatRatio = (bp: number): string => `${(bp / 100).toFixed(2)}%`;

/** Milliseconds since the epoch of an ISO timestamp; no zone designator = UTC. Null when unreadable. */
function parseInstant(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(iso.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const zone = (m[7] ?? 'Z').toUpperCase();
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
}

/**
 * An ISO timestamp as `YYYY-MM-DD HH:mm:ss` in Beijing time (UTC+8, no daylight saving), computed from
 * the string alone — no Intl, no host time zone. Unreadable input is returned unchanged.
 */
export function formatBeijingTime(iso: string): string {
  const ms = parseInstant(iso);
  if (ms === null) return iso;
  const t = new Date(ms + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}
