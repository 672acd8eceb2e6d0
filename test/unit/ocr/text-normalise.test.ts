import { describe, expect, it } from 'vitest';
import { cerNormalise, characterErrorRate, editDistance, normaliseOcrLine, normaliseOcrText, repairCreditCodes } from '../../../electron/core/ocr/text-normalise';

describe('normaliseOcrText (what is stored and indexed)', () => {
  it.each([
    ['检 查 对 象 : 某 某 市', '检查对象:某某市'],
    ['统一社会信用代码 ： 91330100MA2B3C4D5E', '统一社会信用代码:91330100MA2B3C4D5E'],
    ['Room 302 ,  Building A', 'Room 302 , Building A'],
    ['邮箱 jcdd72@scjg.gov.cn 电话', '邮箱jcdd72@scjg.gov.cn电话'],
    ['ＡＢＣ１２３　全角', 'ABC123全角'],
    ['  前后空白  ', '前后空白'],
    ['（ 一 ）', '(一)'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseOcrLine(input)).toBe(expected);
  });

  it('keeps line breaks, drops empty lines', () => {
    expect(normaliseOcrText('第 一 行\n\n  \r\n第 二 行\n')).toBe('第一行\n第二行');
  });
});

describe('character error rate', () => {
  it('ignores whitespace, width and punctuation style', () => {
    expect(cerNormalise('《通知》 “抽查”。\n（一）')).toBe('<通知>"抽查".(一)');
    expect(characterErrorRate('检查对象：某某市。', '检 查 对 象 : 某 某 市.')).toBe(0);
  });

  it('counts substitutions, insertions and deletions on code points', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('𠀀abc', 'abc')).toBe(1); // one astral character, not two UTF-16 units
    expect(characterErrorRate('抽查结果公示', '抽查结果公')).toBeCloseTo(1 / 6);
    expect(characterErrorRate('抽查', '抽查结果')).toBe(1);
    expect(characterErrorRate('', '')).toBe(0);
  });
});

describe('repairCreditCodes (统一社会信用代码 look-alikes)', () => {
  it('reads O, I, Z, S as 0, 1, 2, 5 inside an 18-character code only', () => {
    expect(repairCreditCodes('2沈阳市明远食品有限公司916GYU9NOFTAOGJDFD未发现问题')).toBe('2沈阳市明远食品有限公司916GYU9N0FTA0GJDFD未发现问题');
    expect(repairCreditCodes('代码:91I1E0JR2RHAM47LDW')).toBe('代码:9111E0JR2RHAM47LDW');
    expect(repairCreditCodes('91350100M000100Y43')).toBe('91350100M000100Y43'); // a real code stays as it is
  });

  it('leaves other Latin text alone: words, e-mail, 17 or 19 characters, no category digit', () => {
    for (const s of ['OSZI', 'jcdd13@scjg.gov.cn', '91NCGJD74FKU2QHYO', '91NCGJD74FKU2QHYPOG', 'ABOUTSOMETHINGZOOS', 'LN96573337']) expect(repairCreditCodes(s)).toBe(s);
  });
});
