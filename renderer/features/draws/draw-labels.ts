import type { DrawDto, DrawStatus } from '../../../shared/contract/draws';
import type { MatchReason } from '../../../shared/domain/draws/draw-types';

export const DRAW_STATUS_COLORS = { committed: 'gold', running: 'processing', completed: 'success', failed: 'error', abandoned: 'default' } as const satisfies Record<DrawStatus, string>;

export const SEED_SOURCE_LABELS = { csprng: '系统安全随机数', supplied: '外部提供（公开数或十六进制种子）' } as const satisfies Record<DrawDto['seedSource'], string>;

/** The draw job's phases (draws.run progress) in the order they run. */
export const DRAW_PHASES = [
  { phase: 'population', label: '读取检查对象库' },
  { phase: 'draw', label: '随机抽取' },
  { phase: 'record', label: '生成摇号记录' },
  { phase: 'store', label: '保存' },
] as const;

export function phaseLabel(phase: string): string {
  if (phase === 'done') return '完成';
  return DRAW_PHASES.find((p) => p.phase === phase)?.label ?? '准备中';
}

/** draws.verify checks (the replay's and the stored data's), in words. */
export const VERIFY_CHECK_LABELS: Record<string, string> = {
  seed_commitment: '种子承诺',
  population_digest: '检查对象库摘要',
  population_strata: '分层统计',
  selected_list: '抽中名单',
  selected_digest: '名单摘要',
  matching: '人员匹配',
  matching_digest: '匹配摘要',
  stored_selections: '数据库中的名单',
  record_sha256: '记录文件哈希',
};

export const VERIFY_CHECK_HINTS: Record<string, string> = {
  seed_commitment: 'SHA-256(公开的种子) 与摇号前公布的承诺一致',
  population_digest: '检查对象库清单的 SHA-256 与记录一致',
  population_strata: '各分层的对象数、比例与应抽数一致',
  selected_list: '按种子复算的抽中名单逐条一致',
  selected_digest: '抽中名单的 SHA-256 与记录一致',
  matching: '按种子复算的执法检查人员匹配逐条一致',
  matching_digest: '人员匹配结果的 SHA-256 与记录一致',
  stored_selections: '数据库保存的名单与匹配和记录一致',
  record_sha256: '摇号记录文件未被改动',
};

/** Why candidates could not staff a target (MATCH_INFEASIBLE). */
export const MATCH_REASON_LABELS = {
  not_qualified: '无执法资格',
  inactive: '非在岗',
  cert_invalid: '执法证无效',
  absent: '请假/不在岗',
  recused: '回避',
  region: '区域不符',
  skills: '专长不符',
  cap: '超过工作量上限',
  last_pair: '上次同组',
  no_expert: '无专家',
} as const satisfies Record<MatchReason, string>;

/** 64 hex characters, grouped by 8 for reading aloud. */
export const groupedHex = (hex: string) => hex.replace(/(.{8})(?=.)/g, '$1 ');
