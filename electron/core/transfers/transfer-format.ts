import { DOCUMENT_FIELDS } from '../../../shared/domain/documents/doc-fields';
import { z } from 'zod';
import { NON_PUBLIC_REASONS } from '../../../shared/domain/inspections/inspections';
import { VOLUME_DOC_TYPES, VOLUME_MEDIA_TYPES } from '../../../shared/domain/volumes/volumes';

/** The files inside a transfer package (data/…) and the receipt, as versioned, validated formats. */

const Bureau = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string() });
const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const PayloadPath = z.string().regex(/^[A-Za-z0-9._/-]+$/);

export const SignatureFile = z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), bureauCode: z.string(), value: z.string() });
export type SignatureFile = z.infer<typeof SignatureFile>;

export const TransferIndex = z.object({
  format: z.literal('casebinder-transfer/1'),
  packageId: z.string().uuid(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  from: Bureau,
  to: Bureau,
  keyId: z.string(),
  volumes: z.array(z.object({ id: z.number().int(), title: z.string(), dir: PayloadPath })).min(1),
});
export type TransferIndex = z.infer<typeof TransferIndex>;

const Pdf = z.object({ file: PayloadPath, sha256: Sha, size: z.number().int(), pages: z.number().int(), contentPages: z.number().int(), manifest: z.string(), boundAt: z.string(), boundByName: z.string().nullable() });

export const VolumeMetadata = z.object({
  format: z.literal('casebinder-volume/1'),
  volume: z.object({ id: z.number().int(), title: z.string().min(1), status: z.string(), custodyBureau: Bureau, inspectingBureau: Bureau, taskName: z.string().nullable(), inspectionId: z.number().int().nullable() }),
  target: z.object({
    kind: z.enum(['for_profit', 'non_profit', 'non_market']), creditCode: z.string().nullable(), identifier: z.string().nullable(), description: z.string().nullable(), name: z.string().min(1),
    legalRep: z.string().nullable(), address: z.string().nullable(), industry: z.string().nullable(), territorialBureauCode: z.string().nullable(), registrationBureauCode: z.string().nullable(),
  }),
  entries: z.array(z.object({
    id: z.number().int(), seq: z.number().int(), source: z.string(), generatedKind: z.string().nullable(), docType: z.enum(VOLUME_DOC_TYPES), mediaType: z.enum(VOLUME_MEDIA_TYPES),
    docNo: z.string().nullable(), responsible: z.string().nullable(), title: z.string().nullable(), docDate: z.string().nullable(), remark: z.string().nullable(),
    pageCount: z.number().int().min(1), originalName: z.string().nullable(), createdAt: z.string(), file: PayloadPath, sha256: Sha,
    pages: z.array(z.object({ index: z.number().int().min(0), rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]), excluded: z.boolean(), reason: z.string().nullable() })),
  })),
  marks: z.array(z.object({
    id: z.number().int(), entryId: z.number().int(), pageIndex: z.number().int().nullable(),
    // A rectangle on a scanned page / a field of a generated form (absent in packages written before they were carried).
    region: z.object({ x0: z.number().min(0).max(1), y0: z.number().min(0).max(1), x1: z.number().min(0).max(1), y1: z.number().min(0).max(1) }).nullable().default(null),
    field: z.enum(DOCUMENT_FIELDS).nullable().default(null),
    reason: z.enum(NON_PUBLIC_REASONS), note: z.string().nullable(), markedAt: z.string(), markedByName: z.string().nullable(),
    liftedAt: z.string().nullable(), liftedByName: z.string().nullable(), liftReason: z.string().nullable(), consentEntryId: z.number().int().nullable(),
  })),
  bindings: z.array(Pdf.extend({ version: z.number().int().min(1), incompleteReason: z.string().nullable() })).min(1),
  publicCopies: z.array(Pdf.extend({ version: z.number().int().min(1), basedOnVersion: z.number().int(), withheldPages: z.number().int() })),
  audit: z.object({ file: PayloadPath, events: z.number().int() }),
  /** The sender's archiving (档号, 保管期限), when it had archived the volume. */
  archive: z.object({ archiveNo: z.string(), retention: z.string(), year: z.number().int(), bindingVersion: z.number().int(), archivedAt: z.string() }).nullable().default(null),
  /**
   * The sender's latest archived file (归档文件: cover with its 档号), derived from the reviewed binding, which
   * travels in `bindings` too. Absent in packages written before it was carried, and for volumes not archived.
   */
  archivedFile: z.object({
    file: PayloadPath, sha256: Sha, size: z.number().int(), pages: z.number().int().min(1), contentPages: z.number().int(), manifest: z.string(),
    version: z.number().int().min(1), bindingVersion: z.number().int().min(1), derivedFromSha256: Sha, madeAt: z.string(),
  }).nullable().default(null),
});
export type VolumeMetadata = z.infer<typeof VolumeMetadata>;

export const AuditExcerpt = z.object({
  format: z.literal('casebinder-audit-excerpt/1'),
  events: z.array(z.object({
    seq: z.number().int(), at: z.string(), actor_user_id: z.number().int().nullable(), actor_login: z.string().nullable(), action: z.string(), entity: z.string(), entity_id: z.string(),
    payload: z.string(), prev_hash: Sha, hash: Sha, history: z.array(z.object({ entity: z.string(), entity_id: z.string(), snapshot: z.string().nullable() })),
  })),
});

export const Receipt = z.object({
  format: z.literal('casebinder-transfer-receipt/1'),
  packageId: z.string().uuid(),
  tagManifestSha256: Sha,
  payloadOxum: z.string(),
  from: Bureau,
  to: Bureau,
  receivedAt: z.string(),
  receivedBy: z.string().nullable(),
  volumes: z.array(z.object({ originVolumeId: z.number().int(), volumeId: z.number().int(), title: z.string(), bindingSha256: Sha })),
});
export type Receipt = z.infer<typeof Receipt>;
export const SignedReceipt = z.object({ receipt: Receipt, signature: SignatureFile });
export type SignedReceipt = z.infer<typeof SignedReceipt>;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
const tagName = (k: string) => k.replace(/[^A-Za-z0-9_]/g, '_');

/** The same metadata as XML (for archives systems that read XML): objects → elements, arrays → <item>. */
export function toXml(root: string, value: unknown): string {
  const render = (name: string, v: unknown, indent: string): string => {
    if (v === null || v === undefined) return `${indent}<${name}/>\n`;
    if (Array.isArray(v)) return `${indent}<${name}>\n${v.map((x) => render('item', x, indent + '  ')).join('')}${indent}</${name}>\n`;
    if (typeof v === 'object') return `${indent}<${name}>\n${Object.entries(v).map(([k, x]) => render(tagName(k), x, indent + '  ')).join('')}${indent}</${name}>\n`;
    return `${indent}<${name}>${escapeXml(String(v))}</${name}>\n`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, value, '')}`;
}
