import { z } from 'zod';
import { DRAW_ALGORITHM, DRAW_RECORD_FORMAT, STRATA, type StratumKey } from './draw-types';

const Stratum = z.string().refine((s): s is StratumKey => (STRATA as readonly string[]).includes(s), '未知的分层');
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const DRAW_PURPOSES = ['general', 'key', 'complaint', 'referral', 'case'] as const;
export type DrawPurpose = (typeof DRAW_PURPOSES)[number];
export const DRAW_PURPOSE_LABELS = {
  general: '一般事项日常抽查',
  key: '重点事项抽查',
  complaint: '投诉举报',
  referral: '转办交办',
  case: '立案查处',
} as const satisfies Record<DrawPurpose, string>;
/** Art. 13(1): only a general-item task keeps a target from being inspected twice in one year. */
export const purposeAllowsRepeat = (p: DrawPurpose): boolean => p !== 'general';

export const EXCLUSION_REASONS = ['inspected_this_year', 'not_active'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_REASON_LABELS = {
  inspected_this_year: '本年度已按一般事项抽查',
  not_active: '非存续状态（注销、吊销、撤销、迁出）',
} as const satisfies Record<ExclusionReason, string>;

const Candidate = z.object({
  id: z.number().int(),
  name: z.string(),
  certNo: z.string().nullable(),
  enforcementQualified: z.boolean(),
  active: z.boolean(),
  certValidFrom: z.string().nullable(),
  certValidTo: z.string().nullable(),
  skills: z.array(z.string()),
  region: z.string().nullable(),
  absences: z.array(z.object({ from: z.string(), to: z.string() })),
});

/**
 * 摇号记录: everything a third party needs, together with the population file, to re-run the draw and
 * the inspector matching and get the identical result. Stored immutably; its SHA-256 is recorded.
 */
export const DrawRecord = z.object({
  format: z.literal(DRAW_RECORD_FORMAT),
  algorithm: z.literal(DRAW_ALGORITHM),
  drawId: z.number().int(),
  task: z.object({
    id: z.number().int(),
    name: z.string(),
    planTitle: z.string(),
    year: z.number().int(),
    bureau: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    purpose: z.enum(DRAW_PURPOSES),
    directed: z.boolean(),
    /** Human-readable scope (subject kinds, bureaus, industries, tags, statuses). */
    scope: z.string(),
    items: z.array(z.object({ id: z.number().int(), name: z.string(), itemClass: z.enum(['general', 'key']) })),
  }),
  seed: z.object({
    source: z.enum(['csprng', 'supplied']),
    /** SHA-256 of the 32 seed bytes, shown and stored before the draw. */
    commitment: Hex64,
    committedAt: z.string(),
    /** The seed, revealed after the draw (hex of 32 bytes). */
    hex: z.string().regex(/^[0-9a-f]{64}$/),
    note: z.string().nullable(),
  }),
  drawnAt: z.string(),
  operator: z.object({ userId: z.number().int().nullable(), login: z.string(), name: z.string() }),
  witness: z.string().nullable(),
  population: z.object({
    digest: Hex64,
    size: z.number().int(),
    strata: z.array(z.object({ stratum: Stratum, size: z.number().int(), digest: Hex64, ratioBp: z.number().int(), sampleSize: z.number().int() })),
  }),
  exclusions: z.object({
    total: z.number().int(),
    byReason: z.record(z.string(), z.number().int()),
    /** SHA-256 of the exclusion lines `targetId\tcode\treason\n` in target-id order. */
    digest: Hex64,
  }),
  selected: z.array(z.object({ seq: z.number().int(), targetId: z.number().int(), code: z.string(), name: z.string(), stratum: Stratum })),
  selectedDigest: Hex64,
  matching: z.object({
    rules: z.object({
      teamSize: z.number().int(),
      maxPerInspector: z.number().int().nullable(),
      requiredSkills: z.array(z.string()),
      matchRegion: z.boolean(),
      avoidLastPair: z.boolean(),
      window: z.object({ from: z.string(), to: z.string() }),
      expertsPerTarget: z.number().int(),
      expertFields: z.array(z.string()),
    }),
    candidates: z.array(Candidate),
    experts: z.array(z.object({ id: z.number().int(), name: z.string(), field: z.string(), active: z.boolean() })),
    targets: z.array(
      z.object({ targetId: z.number().int(), seq: z.number().int(), region: z.string().nullable(), recusedInspectorIds: z.array(z.number().int()), lastInspectorIds: z.array(z.number().int()) }),
    ),
    assignments: z.array(z.object({ targetId: z.number().int(), inspectorIds: z.array(z.number().int()), expertIds: z.array(z.number().int()) })),
    digest: Hex64,
  }),
});
export type DrawRecord = z.infer<typeof DrawRecord>;
