import { describe, expect, it } from 'vitest';
import {
  canonicalLine,
  comparePopulation,
  digestPopulation,
  formatPopulationCsv,
  parsePopulationCsv,
  sortPopulation,
  STRATA,
  stratumOf,
  type PopulationEntry,
} from '../../../shared/domain/draws';
import { nodeCrypto, sha256 } from './node-crypto';

const e = (targetId: number, code: string, stratum: PopulationEntry['stratum'] = 'medium/B'): PopulationEntry => ({ targetId, code, stratum });

describe('strata', () => {
  it.each([
    ['high', 'A', 'high/A'],
    ['low', 'D', 'low/D'],
    [null, 'B', 'unrated/B'],
    ['medium', null, 'medium/unrated'],
    [null, null, 'unrated/unrated'],
    ['extreme', 'E', 'unrated/unrated'],
    ['High', 'a', 'unrated/unrated'],
  ])('risk %j, credit %j → %s', (risk, credit, stratum) => {
    expect(stratumOf(risk, credit)).toBe(stratum);
  });

  it('STRATA lists 6 × 5 keys, risk outer (low … high, unrated), credit inner (A … D, unrated)', () => {
    expect(STRATA).toHaveLength(30);
    expect(STRATA.slice(0, 6)).toEqual(['low/A', 'low/B', 'low/C', 'low/D', 'low/unrated', 'lower/A']);
    expect(STRATA.at(-1)).toBe('unrated/unrated');
  });
});

describe('canonical order and lines', () => {
  it('canonicalLine is stratum TAB id TAB code LF', () => {
    expect(canonicalLine(e(12, '91440300MA5ABCDE1X', 'high/C'))).toBe('high/C\t12\t91440300MA5ABCDE1X\n');
  });

  it('sorts by STRATA index, then target id (never by code, which may change)', () => {
    const input = [e(8, 'b', 'high/A'), e(2, 'z'), e(30, 'B'), e(4, '9'), e(1, 'a', 'high/A'), e(6, 'z', 'low/A'), e(7, '张'), e(5, 'A')];
    const sorted = sortPopulation(input);
    expect(sorted.map((x) => x.targetId)).toEqual([6, 2, 4, 5, 7, 30, 1, 8]);
    expect(sorted).toEqual([...input].sort(comparePopulation));
    expect(input.map((x) => x.targetId)).toEqual([8, 2, 30, 4, 1, 6, 7, 5]);
  });

  it('sortPopulation refuses an unknown stratum', () => {
    expect(() => sortPopulation([{ targetId: 1, code: 'x', stratum: 'nope/A' as PopulationEntry['stratum'] }])).toThrow(/unknown stratum/);
  });
});

describe('digestPopulation', () => {
  const sorted = sortPopulation([e(1, 'B', 'high/A'), e(2, 'A', 'high/A'), e(3, 'C', 'low/D'), e(4, 'D')]);
  const lines = (list: PopulationEntry[]) => list.map((x) => `${x.stratum}\t${x.targetId}\t${x.code}\n`).join('');

  it('hashes all canonical lines in order, and each non-empty stratum on its own, in STRATA order', () => {
    const d = digestPopulation(nodeCrypto, sorted);
    expect(d.size).toBe(4);
    expect(d.digest).toBe(sha256(lines(sorted)));
    expect(d.strata).toEqual([
      { stratum: 'low/D', size: 1, digest: sha256(lines([e(3, 'C', 'low/D')])) },
      { stratum: 'medium/B', size: 1, digest: sha256(lines([e(4, 'D')])) },
      { stratum: 'high/A', size: 2, digest: sha256(lines([e(1, 'B', 'high/A'), e(2, 'A', 'high/A')])) },
    ]);
  });

  it('an empty population has the digest of the empty string and no strata', () => {
    expect(digestPopulation(nodeCrypto, [])).toEqual({ digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0, strata: [] });
  });

  it.each([
    ['strata out of order', [e(1, 'A', 'high/A'), e(2, 'A', 'low/A')]],
    ['ids out of order', [e(2, 'A'), e(1, 'B')]],
    ['a stratum split in two runs', [e(1, 'A', 'low/A'), e(2, 'A', 'medium/A'), e(3, 'B', 'low/A')]],
    ['a repeated entry', [e(1, 'A'), e(1, 'A')]],
  ])('throws on %s', (_label, list) => {
    expect(() => digestPopulation(nodeCrypto, list)).toThrow(/canonical order/);
  });
});

describe('population CSV', () => {
  const sorted = sortPopulation([e(10, '91440300MA5ABCDE1X', 'high/C'), e(2, 'NM-0001', 'unrated/unrated'), e(7, '914403001922038216', 'low/A')]);

  it('formats a header and one LF-terminated line per target, and parses back to the same entries', () => {
    const csv = formatPopulationCsv(sorted);
    expect(csv).toBe('stratum,target_id,code\nlow/A,7,914403001922038216\nhigh/C,10,91440300MA5ABCDE1X\nunrated/unrated,2,NM-0001\n');
    expect(parsePopulationCsv(csv)).toEqual({ ok: true, entries: sorted });
  });

  it('an empty population is just the header, and parses to no entries', () => {
    expect(formatPopulationCsv([])).toBe('stratum,target_id,code\n');
    expect(parsePopulationCsv('stratum,target_id,code\n')).toEqual({ ok: true, entries: [] });
  });

  it('accepts a UTF-8 BOM, CRLF line ends, a missing final line end and trailing blank lines', () => {
    const text = '\uFEFFstratum,target_id,code\r\nlow/A,7,914403001922038216\r\nhigh/C,10,91440300MA5ABCDE1X';
    expect(parsePopulationCsv(text)).toEqual({ ok: true, entries: sorted.slice(0, 2) });
    expect(parsePopulationCsv(`${text}\r\n\r\n\n`)).toEqual({ ok: true, entries: sorted.slice(0, 2) });
  });

  it('keeps the file order (replay sorts)', () => {
    const parsed = parsePopulationCsv('stratum,target_id,code\nhigh/C,10,X\nlow/A,7,Y\n');
    expect(parsed.ok && parsed.entries.map((x) => x.targetId)).toEqual([10, 7]);
  });

  it.each([
    ['', 1, /header/],
    ['\n\n', 1, /header/],
    ['stratum,targetid,code\n', 1, /header/],
    ['Stratum,target_id,code\n', 1, /header/],
    ['stratum,target_id,code\nlow/A,1\n', 2, /3 fields/],
    ['stratum,target_id,code\nlow/A,1,X,Y\n', 2, /3 fields/],
    ['stratum,target_id,code\nlow/A,1,X\n\nlow/A,2,Y\n', 3, /blank/],
    ['stratum,target_id,code\nlow/E,1,X\n', 2, /unknown stratum/],
    ['stratum,target_id,code\nlow/A,1,X\nhigh,2,Y\n', 3, /unknown stratum/],
    ['stratum,target_id,code\nlow/A,0,X\n', 2, /positive integer/],
    ['stratum,target_id,code\nlow/A,-3,X\n', 2, /positive integer/],
    ['stratum,target_id,code\nlow/A,07,X\n', 2, /positive integer/],
    ['stratum,target_id,code\nlow/A,1.5,X\n', 2, /positive integer/],
    ['stratum,target_id,code\nlow/A, 1,X\n', 2, /positive integer/],
    ['stratum,target_id,code\nlow/A,99999999999999999,X\n', 2, /positive integer/],
    ['stratum,target_id,code\nlow/A,1,\n', 2, /code/],
    ['stratum,target_id,code\nlow/A,1,"X"\n', 2, /code/],
    ['stratum,target_id,code\nlow/A,1,X\tY\n', 2, /code/],
    ['stratum,target_id,code\nlow/A,1,X\nhigh/B,1,Y\n', 3, /more than once/],
    ['stratum,target_id,code\nlow/A,7,X\nlow/A,3,Z\nlow/A,7,Y\n', 4, /more than once/],
    // Ids past the bitmap's range are remembered in a Set.
    ['stratum,target_id,code\nlow/A,200000000,X\nhigh/B,200000000,Y\n', 3, /more than once/],
    ['stratum,target_id,code\nlow/A,1,X\nlow/A,2,"Y\n', 3, /code/],
  ])('%j → line %d', (text, line, problem) => {
    const r = parsePopulationCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(line);
      expect(r.problem).toMatch(problem);
    }
  });

  it.each(['A,B', 'A"B', 'A\tB', 'A\nB', 'A\rB', ''])('format refuses the code %j', (code) => {
    expect(() => formatPopulationCsv([e(1, code)])).toThrow(Error);
  });

  it('round-trips 50,000 lines', () => {
    const big = sortPopulation(Array.from({ length: 50_000 }, (_, i) => e(i + 1, `9144${String(i * 7919).padStart(14, '0')}`, STRATA[i % STRATA.length] as PopulationEntry['stratum'])));
    const parsed = parsePopulationCsv(formatPopulationCsv(big));
    expect(parsed.ok && parsed.entries.length).toBe(50_000);
    expect(parsed.ok && digestPopulation(nodeCrypto, sortPopulation(parsed.entries)).digest).toBe(digestPopulation(nodeCrypto, big).digest);
  });
});
