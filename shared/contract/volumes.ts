import { DOCUMENT_FIELDS } from '../domain/documents/doc-fields';
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { NON_PUBLIC_REASONS } from '../domain/inspections/inspections';
import { CUSTODY_RULES } from '../domain/items';
import { CHECKLIST_KEYS, MANUAL_VOLUME_PURPOSES, PAGE_ROTATIONS, RETENTION_PERIODS, VOLUME_DOC_TYPES, VOLUME_ENTRY_SOURCES, VOLUME_MEDIA_TYPES } from '../domain/volumes/volumes';
import { Id, pageOf } from './common';
import { method } from './method';

/** Who edits and binds volumes: the bureau's clerks (档案员) and admins; legal staff bind incomplete ones. */
export const VOLUME_EDITORS = ['admin', 'clerk'] as const;
export const VOLUME_BINDERS = ['admin', 'clerk', 'legal'] as const;
/** Who marks material 不予公开 and lifts marks (a privacy or state-secret mark only the legal role lifts; checked in the core). */
export const VOLUME_MARKERS = ['admin', 'clerk', 'legal'] as const;
export const VOLUME_STATUSES = ['open', 'bound', 'in_review', 'archived'] as const;

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);

export const VolumeSummaryDto = z.object({
  id: Id,
  taskId: Id.nullable(),
  taskName: z.string().nullable(),
  targetId: Id,
  targetName: z.string(),
  inspectionId: Id.nullable(),
  /** 保管单位: the target's jurisdictional bureau (Art. 8); may differ from the inspecting bureau. */
  custodyBureauId: Id,
  custodyBureauName: z.string(),
  inspectingBureauId: Id,
  inspectingBureauName: z.string(),
  title: z.string(),
  /** 'draw' = opened by a draw for a drawn target; 'manual' = opened by hand or received in a transfer. */
  openedBy: z.enum(['draw', 'manual']),
  /** Opened by hand: why (投诉举报 / 转办交办), the case's source reference, and the Art. 8 rule the custody bureau was chosen by. */
  purpose: z.enum(MANUAL_VOLUME_PURPOSES).nullable(),
  basis: z.string().nullable(),
  custodyRule: z.enum(CUSTODY_RULES).nullable(),
  status: z.enum(VOLUME_STATUSES),
  /** The latest bound version, or null when never bound. */
  boundVersion: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type VolumeSummaryDto = z.infer<typeof VolumeSummaryDto>;

const Rotation = z.union([z.literal(PAGE_ROTATIONS[0]), z.literal(PAGE_ROTATIONS[1]), z.literal(PAGE_ROTATIONS[2]), z.literal(PAGE_ROTATIONS[3])]);

export const VolumePageDto = z.object({ index: z.number().int(), rotation: Rotation, excluded: z.boolean(), reason: z.string().nullable() });

export const RegionDto = z
  .object({ x0: z.number().min(0).max(1), y0: z.number().min(0).max(1), x1: z.number().min(0).max(1), y1: z.number().min(0).max(1) })
  .refine((r) => r.x1 - r.x0 >= 0.005 && r.y1 - r.y0 >= 0.005, '框选区域太小或坐标颠倒');

/** A 不予公开 mark on a whole document (pageIndex null) or one page; lifted marks are kept. */
export const VolumeMarkDto = z.object({
  id: Id,
  entryId: Id,
  /** 0-based page of the entry; null for the whole document */
  pageIndex: z.number().int().nullable(),
  /** A rectangle on the page (fractions of the upright page); null for the whole page or document */
  region: RegionDto.nullable(),
  /** A field of a generated document, masked in the public copy's re-rendering; null otherwise. */
  field: z.enum(DOCUMENT_FIELDS).nullable(),
  reason: z.enum(NON_PUBLIC_REASONS),
  note: z.string().nullable(),
  markedBy: Id.nullable(),
  markedByName: z.string().nullable(),
  markedAt: z.string(),
  liftedBy: Id.nullable(),
  liftedByName: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  /** The entry holding the enterprise's written consent (trade secrets only). */
  consentEntryId: Id.nullable(),
});
export type VolumeMarkDto = z.infer<typeof VolumeMarkDto>;

export const VolumeEntryDto = z.object({
  id: Id,
  /** A scanned document filed from the scanning inbox (its pages' images and words are the redaction source). */
  scanDocumentId: Id.nullable(),
  /** Its scan pages in the entry's page order (null for other entries). */
  scanPageIds: z.array(Id).nullable(),
  /** 序号 in the current order (1-based). */
  seq: z.number().int(),
  source: z.enum(VOLUME_ENTRY_SOURCES),
  /** The generated document (latest version of its kind) for source 'generated'. */
  documentId: Id.nullable(),
  documentVersion: z.number().int().nullable(),
  docType: z.enum(VOLUME_DOC_TYPES),
  mediaType: z.enum(VOLUME_MEDIA_TYPES),
  blobSha256: z.string(),
  /** 文号 */
  docNo: z.string().nullable(),
  /** 责任者 */
  responsible: z.string().nullable(),
  /** 题名; null = untitled (printed as an assigned title in [ ]). */
  title: z.string().nullable(),
  /** 日期 YYYY-MM-DD */
  docDate: z.string().nullable(),
  /** 备注 */
  remark: z.string().nullable(),
  pageCount: z.number().int(),
  /** Pages with a rotation or excluded (the others are bound as they are). */
  pages: z.array(VolumePageDto),
  /** 不予公开 marks on the document or its pages, live and lifted, oldest first. */
  marks: z.array(VolumeMarkDto),
  version: z.number().int(),
});
export type VolumeEntryDto = z.infer<typeof VolumeEntryDto>;

export const ChecklistItemDto = z.object({ key: z.enum(CHECKLIST_KEYS), label: z.string(), status: z.enum(['ok', 'missing']), note: z.string().nullable() });

/** Where the page number is stamped (domain-reference §3.4): front top-right by default; 科技 archives bottom-right; odd/even outer = 正面右上、背面左上. */
export const PAGE_NUMBER_POSITIONS = ['top-right', 'bottom-right', 'bottom-center', 'outer-top'] as const;
export type PageNumberPosition = (typeof PAGE_NUMBER_POSITIONS)[number];
export const PAGE_NUMBER_POSITION_LABELS = { 'top-right': '右上', 'bottom-right': '右下', 'bottom-center': '底部居中', 'outer-top': '正面右上、背面左上' } as const satisfies Record<PageNumberPosition, string>;

export const VolumeBindingDto = z.object({
  version: z.number().int(),
  pages: z.number().int(),
  contentPages: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  /** Set when an incomplete volume was bound (the legal role's reason, printed in the 备考表). */
  incompleteReason: z.string().nullable(),
  /** Page-number position of this version (older versions: top-right). */
  pageNumbers: z.enum(PAGE_NUMBER_POSITIONS).default('top-right'),
  boundBy: Id.nullable(),
  boundByName: z.string().nullable(),
  boundAt: z.string(),
});
export type VolumeBindingDto = z.infer<typeof VolumeBindingDto>;

/** A public copy (公开版): withheld pages replaced by placeholder pages; immutable like a full version. */
export const VolumePublicCopyDto = z.object({
  version: z.number().int(),
  /** The full version whose order and numbering it follows (the latest when it was made). */
  basedOnVersion: z.number().int(),
  pages: z.number().int(),
  contentPages: z.number().int(),
  withheldPages: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  boundBy: Id.nullable(),
  boundByName: z.string().nullable(),
  boundAt: z.string(),
});
export type VolumePublicCopyDto = z.infer<typeof VolumePublicCopyDto>;

export const VolumeDto = VolumeSummaryDto.extend({
  entries: z.array(VolumeEntryDto),
  checklist: z.array(ChecklistItemDto),
  complete: z.boolean(),
  /** 保管期限 the cover will show (default from the result, §3.6). */
  retention: z.enum(RETENTION_PERIODS),
  /** 档号: blank until the volume is archived. */
  archiveNo: z.string().nullable(),
  bindings: z.array(VolumeBindingDto),
  publicCopies: z.array(VolumePublicCopyDto),
  /** The latest public copy follows the latest full version and no mark changed since. */
  publicCurrent: z.boolean(),
});
export type VolumeDto = z.infer<typeof VolumeDto>;

/** A bureau's 案卷题名 pattern, whether it is the default, and the titles it gives (drawn / opened by hand). */
export const VolumeTitleSettingsDto = z.object({ bureauId: Id, pattern: z.string(), isDefault: z.boolean(), example: z.string(), exampleByHand: z.string() });

const metadata = {
  docType: z.enum(VOLUME_DOC_TYPES),
  docNo: text(100).nullable(),
  responsible: text(200).nullable(),
  title: text(300).nullable(),
  docDate: isoDate.nullable(),
  remark: text(500).nullable(),
};

export const volumesMethods = {
  'volumes.list': method({
    summary: '专卷列表（本单位保管或实施检查的）：状态、所属任务、对象，可按名称搜索',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional(), status: z.enum(VOLUME_STATUSES).optional(), taskId: Id.optional(), q: text(100).optional(), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }),
    output: pageOf(VolumeSummaryDto),
  }),
  'volumes.get': method({
    summary: '专卷详情：按装订顺序的卷内文件（著录项、页数、页面旋转 / 剔除）、齐全性检查、各装订版本',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: VolumeDto,
  }),
  'volumes.open': method({
    summary: '手工建立专卷（投诉举报、转办交办引起的检查）：保管单位按所涉检查事项的管辖规则（登记机关或属地）确定',
    access: VOLUME_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      targetId: Id,
      purpose: z.enum(MANUAL_VOLUME_PURPOSES),
      /** The complaint's registration number or the referral's 文号: one volume per target and source. */
      basis: text(100).min(1, '请填写投诉举报登记编号或交办文号'),
      /** The items the inspection concerns; their Art. 8 rule picks the custody bureau (none: 属地). */
      itemIds: z.array(Id).max(50).default([]),
      /** The inspecting unit; the caller's own bureau when left out. */
      inspectingBureauId: Id.optional(),
      /** Left out: the generated title "关于对…的投诉举报检查专卷". */
      title: text(300).min(1).optional(),
    }),
    output: VolumeDto,
  }),
  'volumes.titleSettings': method({
    summary: '单位的案卷题名规则（占位符：{对象名称} {检查来源} {年度}）及示例',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id }),
    output: VolumeTitleSettingsDto,
  }),
  'volumes.updateTitleSettings': method({
    summary: '修改单位的案卷题名规则（只影响以后建立的专卷；已有题名不变，可逐卷修改）',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ bureauId: Id, pattern: text(100).min(1, '请填写题名规则') }),
    output: VolumeTitleSettingsDto,
  }),
  'volumes.update': method({
    summary: '修改案卷题名',
    access: VOLUME_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int(), title: text(300).min(1, '请填写案卷题名') }),
    output: VolumeDto,
  }),
  'volumes.importDocument': method({
    summary: '把已暂存的 PDF 或 JPEG / PNG 图片作为一份文件归入专卷（损坏或加密的文件不导入）',
    access: VOLUME_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, stagedId: z.string().regex(/^[0-9a-f-]{36}$/), ...metadata }),
    output: VolumeEntryDto,
  }),
  'volumes.updateDocument': method({
    summary: '修改卷内文件的著录项（文号、责任者、题名、日期、备注、文件类型）',
    access: VOLUME_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int(), ...metadata }),
    output: VolumeEntryDto,
  }),
  'volumes.reorder': method({
    summary: '调整卷内文件顺序（给出本卷全部文件的完整顺序）',
    access: VOLUME_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, entryIds: z.array(Id).min(1).max(10000) }),
    output: VolumeDto,
  }),
  'volumes.setPageState': method({
    summary: '旋转或剔除一页（剔除的页面保留原件，只是不装订，并在备考表中说明）',
    access: VOLUME_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z
      .strictObject({ entryId: Id, pageIndex: z.number().int().min(0), rotation: Rotation, excluded: z.boolean(), reason: text(300).nullable() })
      .refine((v) => !v.excluded || (v.reason ?? '').length > 0, { path: ['reason'], message: '剔除页面须说明理由' }),
    output: VolumeEntryDto,
  }),
  'volumes.check': method({
    summary: '专卷齐全性检查（必备材料及缺少的项目）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: z.object({ complete: z.boolean(), checklist: z.array(ChecklistItemDto) }),
  }),
  'volumes.bind': method({
    summary: '装订专卷为一个 PDF（封面、卷内文件目录、编页号的正文、备考表、书签），每次装订形成新的不可修改版本（后台任务）',
    access: VOLUME_BINDERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, incompleteReason: text(500).min(1).optional(), pageNumbers: z.enum(PAGE_NUMBER_POSITIONS).optional() }),
    output: z.object({ jobId: Id }),
  }),
  'volumes.versions': method({
    summary: '专卷的各装订版本（版本号、页数、SHA-256、装订人、时间）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: z.array(VolumeBindingDto),
  }),
  'volumes.markNonPublic': method({
    summary: '把一份卷内文件、其中一页或扫描页上框选的区域标记为不予公开（商业秘密、个人隐私、国家秘密），列入备考表；公开版中页面以占位页代替，区域在图像上涂黑并删去其中的识别文字',
    access: VOLUME_MARKERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ entryId: Id, pageIndex: z.number().int().min(0).nullable(), region: RegionDto.nullable().default(null), field: z.enum(DOCUMENT_FIELDS).nullable().default(null), reason: z.enum(NON_PUBLIC_REASONS), note: text(300).nullable() }),
    output: VolumeEntryDto,
  }),
  'volumes.liftNonPublic': method({
    summary: '解除不予公开标记（商业秘密可凭企业书面同意解除；个人隐私、国家秘密须法制审核人员解除），标记本身保留',
    access: VOLUME_MARKERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, reason: text(300).min(1, '请填写解除理由'), consentEntryId: Id.optional() }),
    output: VolumeEntryDto,
  }),
  'volumes.bindPublic': method({
    summary: '生成公开版：按最新装订版本的结构，不予公开的页面以说明理由的占位页代替（原页面不进入文件），形成新的不可修改版本（后台任务）',
    access: VOLUME_BINDERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: z.object({ jobId: Id }),
  }),
  'volumes.exportEntry': method({
    summary: '把卷内一份文件的原件（PDF 或图片）写入数据文件夹的 exports/，供页面缩略图和查看使用',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ entryId: Id }),
    output: z.object({ fileName: z.string(), mediaType: z.enum(VOLUME_MEDIA_TYPES), pageCount: z.number().int() }),
  }),
  'volumes.exportFile': method({
    summary: '把一个装订版本或公开版（默认最新）写入数据文件夹的 exports/，返回文件名',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int().min(1).optional(), public: z.boolean().default(false) }),
    output: z.object({ fileName: z.string(), version: z.number().int(), sha256: z.string() }),
  }),
};
