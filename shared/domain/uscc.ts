/**
 * 统一社会信用代码 (GB 32100-2015) and legacy 15-digit 注册号 validation.
 * See domain-reference §4. Pure: no I/O.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]\d{7}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type UsccErrorCode = 'USCC_EMPTY' | 'USCC_LENGTH' | 'USCC_CHARSET' | 'USCC_CHECKSUM' | 'USCC_REGNO_CHECKSUM';
export type UsccWarningCode = 'USCC_ORG_CODE_MISMATCH';

export type UsccCheck =
  | { ok: true; kind: 'uscc' | 'regno'; normalized: string; warnings: UsccWarningCode[] }
  | { ok: false; code: UsccErrorCode; normalized: string; expected?: string };

/** Upper-case, strip spaces and full-width forms (people paste codes from Word and web pages). */
export function normalizeCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character (position 18) for the first 17 characters; undefined if a character is invalid. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation-code check character for an 8-character body (letters A=10 … Z=35). */
export function orgCodeCheckChar(body8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i] ?? '';
    let value: number;
    if (c >= '0' && c <= '9') value = c.charCodeAt(0) - 48;
    else if (c >= 'A' && c <= 'Z') value = c.charCodeAt(0) - 55;
    else return undefined;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  if (r === 10) return 'X';
  if (r === 11) return '0';
  return String(r);
}

/** ISO 7064 MOD 11,10 check used by the 15-digit 注册号 (GB 12292 / 工商注册号). */
export function regNoIsValid(code15: string): boolean {
  if (!/^\d{15}$/.test(code15)) return false;
  let p = 10;
  for (let i = 0; i < 14; i++) {
    const s = (p % 11) + Number(code15[i]);
    p = ((s % 10 === 0 ? 10 : s % 10) * 2) % 11;
  }
  return (p + Number(code15[14])) % 10 === 1;
}

export function checkUscc(raw: string): UsccCheck {
  const normalized = normalizeCode(raw);
  if (normalized.length === 0) return { ok: false, code: 'USCC_EMPTY', normalized };
  if (normalized.length === 15 && /^\d{15}$/.test(normalized)) {
    return regNoIsValid(normalized)
      ? { ok: true, kind: 'regno', normalized, warnings: [] }
      : { ok: false, code: 'USCC_REGNO_CHECKSUM', normalized };
  }
  if (normalized.length !== 18) return { ok: false, code: 'USCC_LENGTH', normalized };
  if (!USCC_PATTERN.test(normalized)) return { ok: false, code: 'USCC_CHARSET', normalized };
  const expected = usccCheckChar(normalized.slice(0, 17));
  if (expected !== normalized[17]) return { ok: false, code: 'USCC_CHECKSUM', normalized, expected };
  const warnings: UsccWarningCode[] = [];
  if (orgCodeCheckChar(normalized.slice(8, 16)) !== normalized[16]) warnings.push('USCC_ORG_CODE_MISMATCH');
  return { ok: true, kind: 'uscc', normalized, warnings };
}

/** Complete a 16-character prefix (positions 1–16) with both check characters. For demo data and tests. */
export function completeUscc(first16: string): string {
  const org = orgCodeCheckChar(first16.slice(8, 16));
  if (first16.length !== 16 || org === undefined) throw new Error(`bad prefix ${first16}`);
  const check = usccCheckChar(first16 + org);
  if (check === undefined) throw new Error(`bad prefix ${first16}`);
  return first16 + org + check;
}
