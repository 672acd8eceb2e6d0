import { describe, expect, it } from 'vitest';
import { checkUscc, completeUscc, orgCodeCheckChar, regNoIsValid, usccCheckChar } from '../../shared/domain/uscc';

describe('统一社会信用代码 (domain-reference §4.5 vectors)', () => {
  it.each([
    ['914403001922038216', '6', '1'],
    ['9144030071526726XG', 'G', 'X'],
    ['91440300708461136T', 'T', '6'],
    ['91110000710926094P', 'P', '4'],
    ['91110108551385082Q', 'Q', '2'],
  ])('%s passes both checks', (code, c18, c17) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(c18);
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(c17);
    expect(checkUscc(code)).toEqual({ ok: true, kind: 'uscc', normalized: code, warnings: [] });
  });

  it.each(['91430111MA4L41YT1U', '12440300MB2C92173E'])('letter vector %s passes', (code) => {
    expect(checkUscc(code)).toMatchObject({ ok: true, warnings: [] });
  });

  it('rejects a wrong check character and says which one is expected', () => {
    expect(checkUscc('914403001922038217')).toEqual({ ok: false, code: 'USCC_CHECKSUM', normalized: '914403001922038217', expected: '6' });
    expect(checkUscc('91110000800088421P')).toMatchObject({ ok: false, code: 'USCC_CHECKSUM' });
  });

  it.each([
    ['', 'USCC_EMPTY'],
    ['91440300192203821', 'USCC_LENGTH'],
    ['9144030019220382166', 'USCC_LENGTH'],
    ['914403001922O38216', 'USCC_CHARSET'],
    ['9I4403001922038216', 'USCC_CHARSET'],
    ['91A403001922038216', 'USCC_CHARSET'],
    ['123456789012344', 'USCC_REGNO_CHECKSUM'],
  ])('%j → %s', (code, expected) => {
    expect(checkUscc(code)).toMatchObject({ ok: false, code: expected });
  });

  it('normalises full-width characters, spaces and lower case', () => {
    expect(checkUscc(' ９１４４０３００１９２２０３８２１６ ')).toMatchObject({ ok: true, normalized: '914403001922038216' });
    expect(checkUscc('9144030071526726xg')).toMatchObject({ ok: true, normalized: '9144030071526726XG' });
  });

  it('warns (but accepts) when only the organisation-code check fails', () => {
    // Change position 17 and recompute position 18 so only the GB 11714 check fails.
    const body = '9144030019220382' + '2';
    const code = body + usccCheckChar(body);
    expect(checkUscc(code)).toEqual({ ok: true, kind: 'uscc', normalized: code, warnings: ['USCC_ORG_CODE_MISMATCH'] });
  });

  it('completes prefixes into codes that pass both checks', () => {
    for (const prefix of ['91210102MA101020', '52210100MJ000001', '92210122ABCDEFGH']) {
      expect(checkUscc(completeUscc(prefix))).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('accepts a legacy 15-digit 注册号 with a valid MOD 11,10 check', () => {
    const base = '21010200000123';
    const valid = [...'0123456789'].map((d) => base + d).filter(regNoIsValid);
    expect(valid).toHaveLength(1);
    expect(checkUscc(valid[0] as string)).toMatchObject({ ok: true, kind: 'regno' });
  });
});
