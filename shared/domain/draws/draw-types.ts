import { CREDIT_CLASSES, RISK_LEVELS } from '../targets';

/**
 * Random draws (随机摇号) — the vocabulary shared by the algorithm, the core, the record and the UI.
 * The algorithm itself is pure (no node:*): hashing comes in through the DrawCrypto port so the same code
 * runs in the core, in the CLI's third-party `draw replay` and in tests. Spec: resources/docs/draw-algorithm.md.
 */
export const DRAW_ALGORITHM = 'casebinder-draw/1';
export const DRAW_RECORD_FORMAT = 'casebinder-draw-record/1';

/** SHA-256 and HMAC-SHA256, supplied by the caller (node:crypto in the core). */
export type DrawCrypto = {
  sha256Hex(data: Uint8Array): string;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** An incremental SHA-256 (population digests over a million lines). */
  sha256Stream(): { update(chunk: string): void; digestHex(): string };
};

export const RISK_STRATA = [...RISK_LEVELS, 'unrated'] as const;
export type RiskStratum = (typeof RISK_STRATA)[number];
export const CREDIT_STRATA = [...CREDIT_CLASSES, 'unrated'] as const;
export type CreditStratum = (typeof CREDIT_STRATA)[number];
/** `risk/credit`, e.g. `higher/C`; targets without a rating fall in `unrated`. */
export type StratumKey = `${RiskStratum}/${CreditStratum}`;

/** Every stratum in its fixed order (risk outer, credit inner) — the order strata are drawn and listed in. */
export const STRATA: readonly StratumKey[] = RISK_STRATA.flatMap((r) => CREDIT_STRATA.map((c) => `${r}/${c}` as StratumKey));

/** One target of the population. `code` = 统一社会信用代码, or the identifier of a non-market subject. */
export type PopulationEntry = { targetId: number; code: string; stratum: StratumKey };

/** Sampling ratios in basis points (1 % = 100), per stratum, with a default. */
export type RatioTable = { defaultBp: number; overrides: Partial<Record<StratumKey, number>> };

export type StratumSummary = {
  stratum: StratumKey;
  size: number;
  /** SHA-256 of this stratum's canonical lines. */
  digest: string;
  ratioBp: number;
  sampleSize: number;
};

export type DrawnTarget = {
  /** 1-based position in the overall result (strata in STRATA order, then draw order within a stratum). */
  seq: number;
  targetId: number;
  code: string;
  stratum: StratumKey;
};

export type TargetDrawResult = {
  populationDigest: string;
  populationSize: number;
  strata: StratumSummary[];
  selected: DrawnTarget[];
  /** SHA-256 over the selected list's canonical lines `seq\ttargetId\tcode\tstratum\n`. */
  selectedDigest: string;
};

/* ---------- inspector matching ---------- */

export type MatchCandidate = {
  id: number;
  name: string;
  certNo: string | null;
  enforcementQualified: boolean;
  /** 'active' | 'inactive' */
  active: boolean;
  certValidFrom: string | null;
  certValidTo: string | null;
  /** Business lines ∪ expertise tags. */
  skills: string[];
  region: string | null;
  /** Away periods, ISO dates inclusive. */
  absences: { from: string; to: string }[];
};

export type MatchExpert = { id: number; name: string; field: string; active: boolean };

export type MatchTarget = {
  targetId: number;
  seq: number;
  /** The target's region (its 属地 bureau name); compared with candidates' region when rules.matchRegion. */
  region: string | null;
  recusedInspectorIds: number[];
  /** The inspectors of this target's previous inspection (avoided as a whole pair when rules.avoidLastPair). */
  lastInspectorIds: number[];
};

export type MatchRules = {
  /** Enforcement inspectors per target, ≥ 2. */
  teamSize: number;
  /** Most targets one inspector takes in this draw; null = no cap (still balanced). */
  maxPerInspector: number | null;
  /** When non-empty, an inspector needs at least one of these skills. */
  requiredSkills: string[];
  matchRegion: boolean;
  avoidLastPair: boolean;
  /** The task's schedule window: certificates must be valid and the inspector not away within it. */
  window: { from: string; to: string };
  /** Experts (non-enforcement) per target, from experts whose field is in expertFields. 0 = none. */
  expertsPerTarget: number;
  expertFields: string[];
};

export const MATCH_REASONS = ['not_qualified', 'inactive', 'cert_invalid', 'absent', 'recused', 'region', 'skills', 'cap', 'last_pair', 'no_expert'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export type Assignment = { targetId: number; inspectorIds: number[]; expertIds: number[] };
export type InfeasibleTarget = {
  targetId: number;
  seq: number;
  /** How many candidates each rule removed for this target (pool-wide rules included). */
  excluded: Partial<Record<MatchReason, number>>;
  eligible: number;
  needed: number;
};

export type MatchResult =
  | { ok: true; assignments: Assignment[]; /** SHA-256 over `targetId\tinspectorIds(,)\texpertIds(,)\n` in target seq order */ digest: string }
  | { ok: false; infeasible: InfeasibleTarget[] };
