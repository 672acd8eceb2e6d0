import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../shared/domain/imports';
import {
  CUSTODY_RULE_LABELS,
  CUSTODY_RULE_NAMES,
  INSPECTION_METHOD_LABELS,
  INSPECTION_METHOD_NAMES,
  ITEM_CLASS_LABELS,
  ITEM_CLASS_NAMES,
  ITEM_LEVEL_LABELS,
  ITEM_LEVEL_NAMES,
  itemCodeFrom,
  normaliseBusinessLine,
  normaliseItemCode,
  notInVersionReason,
  sortMethods,
  splitMethodCell,
} from '../../shared/domain/items';

describe('item list vocabularies', () => {
  it.each([
    ['现场检查、网络检查', ['现场检查', '网络检查']],
    ['书面检查，实地核查,网络监测', ['书面检查', '实地核查', '网络监测']],
    ['抽样检测；检验检测;委托专业机构', ['抽样检测', '检验检测', '委托专业机构']],
    ['1/5／2', ['1', '5', '2']],
    ['  书面　现场  ', ['书面', '现场']],
    ['行政部门检查结果或专业意见', ['行政部门检查结果或专业意见']],
    ['', []],
  ])('splits the 检查方式 cell %j', (cell, parts) => {
    expect(splitMethodCell(cell)).toEqual(parts);
  });

  it.each([
    ['实地检查', 'on_site'],
    ['现场检查', 'on_site'],
    ['书面', 'written'],
    ['网络监测', 'online'],
    ['检验检测', 'sampling'],
    ['委托专业机构辅助', 'expert'],
    ['行政部门检查结果或专业意见', 'other_dept'],
    ['３', 'other_dept'],
    ['on_site', 'on_site'],
    ['电话', undefined],
  ])('method %j → %s', (name, method) => {
    expect(matchLabel(name, INSPECTION_METHOD_NAMES)).toBe(method);
  });

  it('every label is also an accepted name', () => {
    const pairs = [
      [ITEM_LEVEL_LABELS, ITEM_LEVEL_NAMES],
      [ITEM_CLASS_LABELS, ITEM_CLASS_NAMES],
      [INSPECTION_METHOD_LABELS, INSPECTION_METHOD_NAMES],
      [CUSTODY_RULE_LABELS, CUSTODY_RULE_NAMES],
    ] as const;
    for (const [labels, names] of pairs) {
      for (const [value, label] of Object.entries(labels)) expect(matchLabel(label, names as Record<string, readonly string[]>)).toBe(value);
    }
    expect(matchLabel('一般', ITEM_CLASS_NAMES)).toBe('general');
    expect(matchLabel('重点', ITEM_CLASS_NAMES)).toBe('key');
    expect(matchLabel('区（市）县级', ITEM_LEVEL_NAMES)).toBe('district');
  });

  it('orders and deduplicates methods canonically', () => {
    expect(sortMethods(['online', 'on_site', 'online', 'other_dept', 'written'])).toEqual(['on_site', 'written', 'online', 'other_dept']);
    expect(sortMethods([])).toEqual([]);
  });

  it('derives stable codes and normalises business lines', () => {
    expect(itemCodeFrom(' 登记事项检查 ', '营业执照（登记证）规范 使用情况的检查')).toBe('登记事项检查|营业执照(登记证)规范使用情况的检查');
    expect(itemCodeFrom('登记事项检查', '营业执照(登记证)规范使用情况的检查')).toBe(itemCodeFrom('登记事项检查', '营业执照（登记证）规范使用情况的检查'));
    expect(normaliseItemCode(' ＳＪ－０１ ')).toBe('SJ-01');
    expect(normaliseBusinessLine('　食品  安全 ')).toBe('食品 安全');
    expect(notInVersionReason(3)).toBe('未列入第3版清单');
  });
});
