import { describe, expect, it } from 'vitest';
import { bureauResolver } from '../../shared/domain/bureau-names';

const BUREAUS = [
  { id: 1, divisionCode: '210100', name: '沈阳市市场监督管理局', shortName: '沈市监' },
  { id: 2, divisionCode: '210102', name: '和平区市场监督管理局', shortName: '沈和市监' },
  { id: 9, divisionCode: '210113', name: '沈北新区市场监督管理局', shortName: '沈北市监' },
  { id: 14, divisionCode: '210181', name: '新民市市场监督管理局', shortName: '新民市监' },
];

describe('bureau names in spreadsheets', () => {
  const resolve = bureauResolver(BUREAUS);
  it.each([
    ['和平区市场监督管理局', 2], ['沈阳市和平区市场监督管理局', 2], ['和平区', 2], ['和平', 2], ['210102', 2], ['沈和市监', 2],
    ['和平区市场监管局', 2], ['和平分局', 2], ['和平区分局', 2], ['和平区局', 2], [' 和平区 ', 2],
    ['沈北新区', 9], ['沈北', 9], ['新民市', 14], ['新民', 14], ['市局', 1], ['沈阳', 1], ['沈阳市局', 1], ['沈阳市市场监督管理局', 1],
  ])('%s → %i', (text, id) => expect(resolve(text)).toBe(id));
  it.each(['火星区', '', '沈', '210199'])('%j is unknown', (text) => expect(resolve(text)).toBeUndefined());
});
