import { describe, expect, it } from 'vitest';
import { AUTO_FINDING_LABELS, decisionProblems, numberingProblems, DEFAULT_ARCHIVE_PATTERN, formatArchiveNo, MANUAL_ITEM_KEYS, patternProblems, retentionProblem, returnList, type AutoFinding, type ManualItem } from '../../../shared/domain/archives/archives';

const facts = { fondsCode: 'J021', year: 2025, retention: 'D10' as const, orgCode: 'XYJG', seq: 1 };
const allOk: ManualItem[] = MANUAL_ITEM_KEYS.map((key) => ({ key, ok: true, note: null }));
const problem: AutoFinding = { key: 'deadlines', label: AUTO_FINDING_LABELS.deadlines, status: 'problem', notes: ['结果公示逾期完成'] };

describe('档号 (domain-reference §3.5)', () => {
  it.each([
    [DEFAULT_ARCHIVE_PATTERN, facts, 'J021-WS·2025-D10-XYJG-001'],
    [DEFAULT_ARCHIVE_PATTERN, { ...facts, retention: 'Y' as const, seq: 42 }, 'J021-WS·2025-Y-XYJG-042'],
    [DEFAULT_ARCHIVE_PATTERN, { ...facts, retention: 'D30' as const, seq: 1234 }, 'J021-WS·2025-D30-XYJG-1234'],
    ['{全宗号}-WS·{年度}-{保管期限}-{案卷号}', facts, 'J021-WS·2025-D10-001'],
  ])('%s → %s', (pattern, f, expected) => {
    expect(formatArchiveNo(pattern, f)).toBe(expected);
  });

  it('validates patterns: known tokens, the required ones, balanced braces', () => {
    expect(patternProblems(DEFAULT_ARCHIVE_PATTERN)).toEqual([]);
    expect(patternProblems('{全宗号}-{年度}-{保管期限}')).toEqual(['缺少 {案卷号}']);
    expect(patternProblems('{全宗号}-{年度}-{保管期限}-{案卷号}-{件号}')).toEqual(['未知的占位符 {件号}']);
    expect(patternProblems('{全宗号}-{年度}-{保管期限}-{案卷号}}')).toEqual(['花括号不成对']);
  });
});

describe('retention at archiving (§3.6)', () => {
  it.each([
    ['D10', undefined, undefined, null],
    ['D10', 'D10', undefined, null],
    ['D30', 'Y', '重大案件线索', null],
    ['D30', 'Y', '  ', '改为永久须填写理由'],
    ['D30', 'D10', 'x', '保管期限只能为默认的 D30 或永久（Y）'],
  ] as const)('default %s, requested %s (%s)', (def, requested, reason, expected) => {
    expect(retentionProblem(def, requested, reason)).toBe(expected);
  });
});

describe('legal review decisions', () => {
  it('needs every manual item; approval needs them met and open findings explained; a return needs comments', () => {
    expect(decisionProblems('approve', [], allOk, null)).toEqual([]);
    expect(decisionProblems('approve', [problem], allOk, null)).toHaveLength(1);
    expect(decisionProblems('approve', [problem], allOk, '公示逾期一日，已说明原因')).toEqual([]);
    expect(decisionProblems('approve', [], allOk.slice(1), null)[0]).toContain('检查事实清楚');
    expect(decisionProblems('approve', [], [...allOk.slice(1), { key: 'facts_clear', ok: false, note: '未写明检查经过' }], null)[0]).toContain('不能审核通过');
    expect(decisionProblems('return', [], allOk, ' ')).toEqual(['退回须填写审核意见']);
    expect(decisionProblems('return', [problem], allOk, '请补齐')).toEqual([]);
  });

  it('returns the failed findings and items, then the comments', () => {
    const items = [...allOk.slice(1), { key: 'facts_clear' as const, ok: false, note: '未写明检查经过' }];
    expect(returnList([problem, { ...problem, key: 'custody', status: 'ok' }], items, '请补充后重新提交')).toEqual([
      `${AUTO_FINDING_LABELS.deadlines}：结果公示逾期完成`,
      '检查事实清楚：未写明检查经过',
      '请补充后重新提交',
    ]);
  });
});

describe('page numbering read back from a binding manifest (§3.4)', () => {
  const manifest = { frontPages: 2, backPages: 1, entries: [{ entryId: 1, firstPage: 1, lastPage: 2, pages: 2 }, { entryId: 2, firstPage: null, lastPage: null, pages: 0 }, { entryId: 3, firstPage: 3, lastPage: 5, pages: 3 }] };
  it('accepts continuous numbering and flags gaps and wrong totals', () => {
    expect(numberingProblems(manifest, 5, 8)).toEqual([]);
    expect(numberingProblems({ ...manifest, entries: [manifest.entries[0]!, { entryId: 3, firstPage: 4, lastPage: 6, pages: 3 }] }, 5, 8)).toHaveLength(1);
    expect(numberingProblems(manifest, 6, 8)).toHaveLength(2);
  });
});
