import { describe, expect, it } from 'vitest';
import { bpText, planAllowsDraw, planAllowsEdit, ratioOrderWarnings, stratumLabel } from '../../../shared/domain/plans/plans';

describe('plan rules', () => {
  it.each([
    ['draft', true, false],
    ['submitted', false, false],
    ['approved', false, true],
    ['published', false, true],
  ] as const)('a %s plan: editable %s, drawable %s', (status, edit, draw) => {
    expect(planAllowsEdit(status)).toBe(edit);
    expect(planAllowsDraw(status)).toBe(draw);
  });

  it.each([
    [500, '5%'],
    [1250, '12.5%'],
    [10000, '100%'],
    [3, '0.03%'],
    [0, '0%'],
  ])('%i bp reads %s', (bp, text) => expect(bpText(bp)).toBe(text));

  it('names strata in Chinese', () => {
    expect(stratumLabel('higher/C')).toBe('风险较高 · 信用C类');
    expect(stratumLabel('unrated/unrated')).toBe('风险未评级 · 信用未评级');
  });
});

describe('Art. 12(4)(5): higher risk or lower credit → a higher ratio', () => {
  it('a flat table and a monotone one raise nothing', () => {
    expect(ratioOrderWarnings({ defaultBp: 500, overrides: {} })).toEqual([]);
    expect(ratioOrderWarnings({ defaultBp: 300, overrides: { 'high/D': 5000, 'higher/D': 3000, 'high/C': 4000 } })).toEqual([]);
    // low/D above lower/D: less risk, yet a higher ratio.
    expect(ratioOrderWarnings({ defaultBp: 300, overrides: { 'low/D': 1000 } })).toEqual([{ higher: 'lower/D', lower: 'low/D' }]);
  });

  it('names each adjacent pair that breaks the order, along risk and along credit', () => {
    // high/A below higher/A (risk) and high/B below high/A (credit: B is worse than A).
    const warnings = ratioOrderWarnings({ defaultBp: 500, overrides: { 'higher/A': 2000, 'high/A': 1000 } });
    expect(warnings).toEqual(
      expect.arrayContaining([
        { higher: 'high/A', lower: 'higher/A' },
        { higher: 'higher/B', lower: 'higher/A' },
      ]),
    );
    // Unrated strata are not compared: nobody knows where they belong.
    expect(ratioOrderWarnings({ defaultBp: 500, overrides: { 'unrated/A': 9000 } })).toEqual([]);
  });
});
