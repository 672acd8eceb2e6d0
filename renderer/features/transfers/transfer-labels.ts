import type { TransferDto } from '../../../shared/contract/transfers';
import { TRUST_ROLES } from '../../../shared/contract/transfers';
import type { Role } from '../../../shared/domain/roles';

export const DIRECTION_LABELS = { outgoing: '移出', incoming: '接收' } as const satisfies Record<TransferDto['direction'], string>;

/** What a row's state means to people: an outgoing package waits for its receipt; an incoming one is done. */
export function transferStatusText(t: Pick<TransferDto, 'direction' | 'status' | 'closed'>): { text: string; color: string } {
  if (t.direction === 'incoming') return { text: '已接收（已出具回执）', color: 'success' };
  return t.closed ? { text: '已收到回执，已办结', color: 'success' } : { text: '已发送，待回执', color: 'processing' };
}

export const bytesText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`);

export const mayTrustKeys = (roles: readonly Role[]) => roles.some((r) => (TRUST_ROLES as readonly Role[]).includes(r));
