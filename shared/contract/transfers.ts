import { z } from 'zod';
import { Id } from './common';
import { method } from './method';

/** Who sends and receives transfer packages (移交) and exports the bureau's public key: clerks (档案员) and admins. */
export const TRANSFER_ROLES = ['admin', 'clerk'] as const;
/** Trusting another bureau's key decides whose packages are accepted: admins only. */
export const TRUST_ROLES = ['admin'] as const;
export const TRANSFER_DIRECTIONS = ['outgoing', 'incoming'] as const;
export const TRANSFER_STATUSES = ['sent', 'received'] as const;

const BureauRef = z.object({ code: z.string(), name: z.string() });
const LocalPath = z.string().trim().min(1).max(1000);

export const TransferDto = z.object({
  id: Id,
  direction: z.enum(TRANSFER_DIRECTIONS),
  /** The package's id (bag-info External-Identifier); a package is imported once. */
  packageId: z.string(),
  /** outgoing: sent → received when the signed receipt is imported; incoming: received (receipt issued). */
  status: z.enum(TRANSFER_STATUSES),
  closed: z.boolean(),
  from: BureauRef,
  to: BureauRef,
  /** The sending bureau's Ed25519 key id. */
  keyId: z.string(),
  tagManifestSha256: z.string(),
  /** id: the sender's volume id; volumeId: the volume created here (incoming). */
  volumes: z.array(z.object({ id: Id, title: z.string(), volumeId: Id.optional() })),
  payloadBytes: z.number().int(),
  payloadFiles: z.number().int(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TransferDto = z.infer<typeof TransferDto>;

export const BureauKeyFileDto = z.object({
  format: z.string(),
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  publicKey: z.string(),
  bureau: z.object({ divisionCode: z.string(), name: z.string() }),
  createdAt: z.string(),
});

export const TrustedKeyDto = z.object({ id: Id, keyId: z.string(), bureauCode: z.string(), bureauName: z.string(), trustedAt: z.string() });

export const transfersMethods = {
  'transfers.list': method({
    summary: '移交记录（移出与接收）：移交包编号、双方单位、案卷、状态（已发送 / 已收到回执）',
    access: TRANSFER_ROLES,
    scope: 'bureau',
    input: z.strictObject({ direction: z.enum(TRANSFER_DIRECTIONS).optional() }),
    output: z.array(TransferDto),
  }),
  'transfers.export': method({
    summary: '把已装订的专卷生成移交包（BagIt 目录：最新装订版、公开版、元数据 JSON / XML、原始文件、审计摘录），以本单位密钥签名（后台任务）',
    access: TRANSFER_ROLES,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeIds: z.array(Id).min(1).max(500), toBureauId: Id, outDir: LocalPath.optional() }),
    output: z.object({ jobId: Id }),
  }),
  'transfers.import': method({
    summary: '接收移交包：校验签名（须为已信任的发送单位公钥）和全部 SHA-256，导入案卷由本单位保管，出具签名回执（后台任务）',
    access: TRANSFER_ROLES,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ dir: LocalPath, receiptOut: LocalPath.optional() }),
    output: z.object({ jobId: Id }),
  }),
  'transfers.importReceipt': method({
    summary: '导入接收单位的签名回执，办结移交（已发送 → 已收到回执）',
    access: TRANSFER_ROLES,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ file: LocalPath }),
    output: TransferDto,
  }),
  'transfers.exportKey': method({
    summary: '导出本单位的移交签名公钥文件（首次导出时生成密钥），供接收单位核对密钥编号后信任',
    access: TRANSFER_ROLES,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ bureauId: Id.optional(), out: LocalPath.optional() }),
    output: z.object({ key: BureauKeyFileDto, file: z.string() }),
  }),
  'transfers.trustKey': method({
    summary: '信任另一单位的移交签名公钥（请先通过电话或纸面核对密钥编号）',
    access: TRUST_ROLES,
    mutates: true,
    input: z.strictObject({ file: LocalPath }),
    output: TrustedKeyDto,
  }),
  'transfers.keys': method({
    summary: '本安装的单位签名密钥编号与已信任的其他单位公钥',
    access: TRANSFER_ROLES,
    input: z.strictObject({}),
    output: z.object({ own: z.array(z.object({ bureauId: Id, keyId: z.string(), createdAt: z.string() })), trusted: z.array(TrustedKeyDto) }),
  }),
};
