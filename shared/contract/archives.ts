import { z } from 'zod';
import { AUTO_FINDING_KEYS, FINDING_STATUSES, FIXITY_CODE_LIST, FIXITY_PROPERTIES, MANUAL_ITEM_KEYS, REVIEW_DECISIONS, type FixityCode } from '../domain/archives/archives';
import { RETENTION_PERIODS } from '../domain/volumes/volumes';
import { Id } from './common';
import { method } from './method';
import { ERROR_CODES } from '../errors/codes';
import { VOLUME_STATUSES } from './volumes';

/** Who submits a bound volume for legal review and archives an approved one: the custody bureau's clerks (档案员) and admins. */
export const ARCHIVE_CLERKS = ['admin', 'clerk'] as const;
/** Who decides a legal review (法制审核): the legal role only. */
export const ARCHIVE_REVIEWERS = ['legal'] as const;
/** Who runs four-property checks (四性检测). */
export const ARCHIVE_CHECKERS = ['admin', 'clerk', 'legal'] as const;

export const ARCHIVED_FILE_STATES = ['current', 'pending', 'missing'] as const;

const text = (max: number) => z.string().trim().max(max);

export const AutoFindingDto = z.object({ key: z.enum(AUTO_FINDING_KEYS), label: z.string(), status: z.enum(FINDING_STATUSES), notes: z.array(z.string()) });
export type AutoFindingDto = z.infer<typeof AutoFindingDto>;

export const ManualItemDto = z.object({ key: z.enum(MANUAL_ITEM_KEYS), ok: z.boolean(), note: z.string().nullable() });
export type ManualItemDto = z.infer<typeof ManualItemDto>;

/** One round of legal review: submitted with a bound version, then decided once (immutable afterwards). */
export const LegalReviewDto = z.object({
  id: Id,
  volumeId: Id,
  round: z.number().int(),
  /** The bound version under review. */
  bindingVersion: z.number().int(),
  submittedBy: Id.nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  /** The automatic findings as they stood at the decision (null while open: see archives.getReview). */
  findings: z.array(AutoFindingDto).nullable(),
  items: z.array(ManualItemDto).nullable(),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  comments: z.string().nullable(),
  reviewerId: Id.nullable(),
  reviewerName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** A returned volume goes back to the clerk with this list (failed findings and items, then the comments). */
  returnList: z.array(z.string()),
});
export type LegalReviewDto = z.infer<typeof LegalReviewDto>;

export const ReviewSheetDto = z.object({
  volumeId: Id,
  volumeStatus: z.enum(VOLUME_STATUSES),
  /** The open round, if the volume is in review and not yet decided. */
  open: LegalReviewDto.nullable(),
  /** Computed now from the volume, its inspection and its bindings. */
  findings: z.array(AutoFindingDto),
  manualItems: z.array(z.object({ key: z.enum(MANUAL_ITEM_KEYS), label: z.string() })),
  /** Every round, newest first. */
  rounds: z.array(LegalReviewDto),
});
export type ReviewSheetDto = z.infer<typeof ReviewSheetDto>;

/**
 * A version of the archived file (归档文件): derived from the reviewed binding (bindingVersion, its SHA-256),
 * the cover with the 档号 and 保管期限, the 备考表（续） with the 补充件 up to supplementId; content pages unchanged.
 */
export const ArchivedFileDto = z.object({
  version: z.number().int(),
  bindingVersion: z.number().int(),
  derivedFromSha256: z.string(),
  /** The latest 补充件 it lists (null: made at archiving). */
  supplementId: Id.nullable(),
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  contentPages: z.number().int(),
  madeAt: z.string(),
});
export type ArchivedFileDto = z.infer<typeof ArchivedFileDto>;

/** The archived state of a volume: 档号, retention, what was archived, by whom. Never changed afterwards. */
export const VolumeArchiveDto = z.object({
  volumeId: Id,
  archiveNo: z.string(),
  custodyBureauId: Id,
  year: z.number().int(),
  retention: z.enum(RETENTION_PERIODS),
  /** Set when the retention was raised to 永久 (Y) over the §3.6 default. */
  retentionReason: z.string().nullable(),
  /** 案卷号 within (bureau, year, retention), gapless from 1. */
  seq: z.number().int(),
  bindingVersion: z.number().int(),
  reviewId: Id,
  archivedBy: Id.nullable(),
  archivedByName: z.string().nullable(),
  archivedAt: z.string(),
  /** Where the paper originals are (库房 / 柜 / 架 / 盒): the current place first, then earlier ones. */
  locations: z.array(z.object({ id: Id, room: z.string(), cabinet: z.string(), shelf: z.string(), box: z.string(), reason: z.string().nullable(), movedBy: Id.nullable(), movedByName: z.string().nullable(), movedAt: z.string() })),
  /** Later additions (补充件): notes for the 备考表; the archived version itself never changes. */
  supplements: z.array(z.object({ id: Id, note: z.string(), addedBy: Id.nullable(), addedByName: z.string().nullable(), addedAt: z.string() })),
  /** Versions of the archived file, newest first (made by a job after archiving and after each 补充件). */
  files: z.array(ArchivedFileDto).default([]),
  /**
   * The archived file for the latest event (archiving or latest 补充件): current (made), pending (its job is
   * queued or running: fileJobId) or missing (no job — may be started again with archives.regenerateArchivedFile).
   */
  fileState: z.enum(ARCHIVED_FILE_STATES).default('current'),
  fileJobId: Id.nullable().default(null),
  /** Why the last attempt to make it failed (an error code: BLOB_MISSING, DISK_FULL …), if one did. */
  fileLastError: z.enum(ERROR_CODES).nullable().default(null),
});
export type VolumeArchiveDto = z.infer<typeof VolumeArchiveDto>;

export const ArchiveSettingsDto = z.object({
  bureauId: Id,
  pattern: z.string(),
  isDefault: z.boolean(),
  example: z.string(),
  /** Periodic four-property check of the bureau's volumes every N days (null: off, the default). */
  fixityIntervalDays: z.number().int().nullable().default(null),
  /** When the last check over the bureau's volumes started, and when the next periodic one is due. */
  lastFixityAt: z.string().nullable().default(null),
  nextFixityAt: z.string().nullable().default(null),
});

export const LABEL_KINDS = ['spine', 'box'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];
const exported = z.object({ fileName: z.string() });

export const FixityFailureDto = z.object({ volumeId: Id.nullable(), property: z.enum(FIXITY_PROPERTIES), code: z.enum(FIXITY_CODE_LIST as [FixityCode, ...FixityCode[]]), item: z.string(), detail: z.string() });
export type FixityFailureDto = z.infer<typeof FixityFailureDto>;

/** One four-property check run (四性检测): over one volume or every volume the caller may see. */
export const FixityRunDto = z.object({
  id: Id,
  jobId: Id.nullable(),
  volumeId: Id.nullable(),
  state: z.enum(['running', 'finished']),
  ok: z.boolean().nullable(),
  checked: z.number().int(),
  pages: z.number().int(),
  failures: z.array(FixityFailureDto),
  startedBy: Id.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type FixityRunDto = z.infer<typeof FixityRunDto>;

const volumeRef = z.strictObject({ volumeId: Id });

export const archivesMethods = {
  'archives.submitForReview': method({
    summary: '把已装订的专卷提交法制审核（须为最新装订版本，装订后未再改动）；审核期间专卷不能修改',
    access: ARCHIVE_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: volumeRef,
    output: LegalReviewDto,
  }),
  'archives.getReview': method({
    summary: '法制审核表：自动检查结果（齐全性、期限、签字、不予公开、保管单位、结果与后续处置）、人工审核项目、历次审核',
    access: 'any',
    scope: 'bureau',
    input: volumeRef,
    output: ReviewSheetDto,
  }),
  'archives.decide': method({
    summary: '法制审核决定：通过，或填写意见退回档案员（审核人不能是装订或提交该卷的人）',
    access: ARCHIVE_REVIEWERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      volumeId: Id,
      round: z.number().int().min(1),
      decision: z.enum(REVIEW_DECISIONS),
      items: z.array(z.strictObject({ key: z.enum(MANUAL_ITEM_KEYS), ok: z.boolean(), note: text(300).nullable() })).max(MANUAL_ITEM_KEYS.length),
      comments: text(2000).nullable(),
    }),
    output: LegalReviewDto,
  }),
  'archives.archive': method({
    summary: '归档：在保管单位按档号规则编档号（按单位、年度、保管期限连续编号），确定保管期限（可填写理由改为永久），此后专卷只读；随后生成归档文件（封面填写档号和保管期限，后台任务）',
    access: ARCHIVE_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, retention: z.enum(RETENTION_PERIODS).optional(), retentionReason: text(300).min(1).optional() }),
    output: VolumeArchiveDto,
  }),
  'archives.addSupplement': method({
    summary: '归档后补充的材料：登记为补充件（备考表说明）；审核通过的装订版本不变，另生成一版归档文件，其卷内备考表（续）列出补充件（后台任务）',
    access: ARCHIVE_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, note: text(500).min(1, '请填写补充说明') }),
    output: VolumeArchiveDto,
  }),
  'archives.setLocation': method({
    summary: '登记或变更纸质案卷的存放位置（库房、柜、架、盒），保留位置历史',
    access: ARCHIVE_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, room: text(50).min(1, '请填写库房'), cabinet: text(50), shelf: text(50), box: text(50).min(1, '请填写盒号'), reason: text(300).nullable().optional() }),
    output: VolumeArchiveDto,
  }),
  'archives.get': method({
    summary: '专卷的归档信息（档号、保管期限、归档的装订版本），未归档为 null',
    access: 'any',
    scope: 'bureau',
    input: volumeRef,
    output: VolumeArchiveDto.nullable(),
  }),
  'archives.getSettings': method({
    summary: '单位的档号规则（默认 {全宗号}-WS·{年度}-{保管期限}-{机构代码}-{案卷号}）及示例',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id }),
    output: ArchiveSettingsDto,
  }),
  'archives.updateSettings': method({
    summary: '修改单位的档号规则（占位符：{全宗号} {年度} {保管期限} {机构代码} {案卷号}）',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ bureauId: Id, pattern: text(100).min(1) }),
    output: ArchiveSettingsDto,
  }),
  'archives.verify': method({
    summary: '四性检测（真实性、完整性、可用性、安全性）：一个专卷或本单位可见的全部已装订专卷（后台任务，可续跑）',
    access: ARCHIVE_CHECKERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id.optional() }),
    output: z.object({ jobId: Id, runId: Id }),
  }),
  'archives.exportArchivedFile': method({
    summary: '把归档文件（封面有档号、备考表列出补充件的版本，默认最新）写入数据文件夹的 exports/，返回文件名',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, version: z.number().int().min(1).optional() }),
    output: exported.extend({ version: z.number().int(), sha256: z.string() }),
  }),
  'archives.regenerateArchivedFile': method({
    summary: '重新生成缺失的归档文件（归档或最近一次补充件之后没有生成，如程序中断）：仅限保管单位的档案员和管理员；已有的归档文件不变，已生成的不再生成（后台任务）',
    access: ARCHIVE_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: volumeRef,
    output: z.object({ jobId: Id }),
  }),
  'archives.printLabels': method({
    summary: '打印标签（PDF，A4 多枚）：spine = 本卷的卷脊标签；box = 本卷所在盒的档案盒封面（盒内案卷清单）及盒内各卷的卷脊标签',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, kind: z.enum(LABEL_KINDS) }),
    output: exported.extend({ volumes: z.number().int() }),
  }),
  'archives.fixityReport': method({
    summary: '四性检测报告（PDF）：单位、时间、检测人、范围，四性逐项结论，各专卷未通过的项目',
    access: ARCHIVE_CHECKERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: exported,
  }),
  'archives.updateFixitySchedule': method({
    summary: '设置单位的定期四性检测（每 N 天一次，空为关闭）；到期时程序启动检测（启动时及每小时检查一次）',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ bureauId: Id, intervalDays: z.number().int().min(1).max(3650).nullable() }),
    output: ArchiveSettingsDto,
  }),
  'archives.fixityRun': method({
    summary: '一次四性检测的结果：检测的专卷数、页数及每个专卷未通过的项目',
    access: ARCHIVE_CHECKERS,
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: FixityRunDto,
  }),
};
