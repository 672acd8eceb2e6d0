import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDate, periodsOverlap } from '../../shared/domain/dates';
import { availability, checkInspectorFields, normaliseCertNo, splitList, type Availability, type AvailabilityInspector } from '../../shared/domain/inspectors';

const qualified: AvailabilityInspector = { status: 'active', enforcementQualified: true, certValidFrom: '2024-01-01', certValidTo: '2026-12-31' };
const leave = [{ fromDate: '2026-03-01', toDate: '2026-03-10' }];

describe('availability(inspector, absences, onDate)', () => {
  it.each<[string, AvailabilityInspector, { fromDate: string; toDate: string }[], string, Availability]>([
    ['qualified, certificate valid, present', qualified, [], '2026-03-02', 'available'],
    ['first day of an absence', qualified, leave, '2026-03-01', 'away'],
    ['last day of an absence', qualified, leave, '2026-03-10', 'away'],
    ['day after an absence', qualified, leave, '2026-03-11', 'available'],
    ['day before an absence', qualified, leave, '2026-02-28', 'available'],
    ['certificate ends that day: still valid', qualified, [], '2026-12-31', 'available'],
    ['certificate ended the day before', qualified, [], '2027-01-01', 'cert_expired'],
    ['certificate not yet valid', qualified, [], '2023-12-31', 'cert_expired'],
    ['unknown validity bounds do not block', { ...qualified, certValidFrom: null, certValidTo: null }, [], '2030-01-01', 'available'],
    ['no enforcement qualification', { ...qualified, enforcementQualified: false }, [], '2026-03-02', 'not_qualified'],
    ['not qualified wins over an expired certificate', { ...qualified, enforcementQualified: false }, [], '2027-06-01', 'not_qualified'],
    ['expired certificate wins over an absence', qualified, [{ fromDate: '2027-01-01', toDate: '2027-12-31' }], '2027-06-01', 'cert_expired'],
    ['inactive wins over everything', { ...qualified, status: 'inactive', enforcementQualified: false }, leave, '2026-03-05', 'inactive'],
    ['overlapping absences', qualified, [...leave, { fromDate: '2026-03-05', toDate: '2026-03-20' }], '2026-03-15', 'away'],
  ])('%s', (_name, inspector, absences, onDate, expected) => {
    expect(availability(inspector, absences, onDate)).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each<[string, string | null]>([
    ['2026-01-31', '2026-01-31'],
    ['2026/1/31', '2026-01-31'],
    ['2026/01/05', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026年1月31日', '2026-01-31'],
    ['2026年12月1', '2026-12-01'],
    ['20260131', '2026-01-31'],
    ['２０２６－０１－３１', '2026-01-31'], // full-width
    [' 2026 年 1 月 31 日 ', '2026-01-31'],
    ['2026-01-31 00:00:00', '2026-01-31'],
    ['2026-01-31T00:00:00.000Z', '2026-01-31'],
    ['2024-02-29', '2024-02-29'], // leap year
    ['2026-02-29', null],
    ['1900-02-29', null], // not a leap year
    ['2000-02-29', '2000-02-29'],
    ['2026-13-01', null],
    ['2026-04-31', null],
    ['20261301', null],
    ['2026/1-31', null], // mixed separators
    ['31/01/2026', null], // day first is ambiguous: refused
    ['2026-01', null],
    ['长期', null],
    ['', null],
    ['46053', null], // spreadsheet serial numbers are the engine's business
  ])('%j → %j', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it('isIsoDate accepts only real YYYY-MM-DD days; periods overlap inclusively', () => {
    expect(['2026-01-31', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-1-31', '2026-02-30', '2026/01/31', ''].map(isIsoDate)).toEqual([false, false, false, false]);
    expect(periodsOverlap({ fromDate: '2026-01-01', toDate: '2026-01-10' }, { fromDate: '2026-01-10', toDate: '2026-01-20' })).toBe(true);
    expect(periodsOverlap({ fromDate: '2026-01-01', toDate: '2026-01-09' }, { fromDate: '2026-01-10', toDate: '2026-01-20' })).toBe(false);
  });
});

describe('inspector fields', () => {
  it.each<[string, string[]]>([
    ['食品、特种设备', ['食品', '特种设备']],
    ['食品，计量;价格/广告', ['食品', '计量', '价格', '广告']],
    ['食品；食品 、  特种  设备', ['食品', '特种 设备']],
    ['', []],
  ])('splitList(%j)', (raw, expected) => {
    expect(splitList(raw)).toEqual(expected);
  });

  it('checks 执法证号 format, certificate date order, phone and ID suffix', () => {
    const ok = { certNo: '21010220190001', certValidFrom: '2024-01-01', certValidTo: '2028-12-31', phone: '024-23456789', idSuffix: '123X' };
    expect(checkInspectorFields(ok)).toEqual([]);
    expect(normaliseCertNo(' ln 2101 0220 ')).toBe('LN21010220');
    expect(checkInspectorFields({ ...ok, certNo: 'AB12' })).toEqual([{ field: 'certNo', code: 'INSPECTOR_CERT_FORMAT' }]);
    expect(checkInspectorFields({ ...ok, certNo: '沈执2019-01' })).toEqual([{ field: 'certNo', code: 'INSPECTOR_CERT_FORMAT' }]);
    expect(checkInspectorFields({ ...ok, certValidFrom: '2029-01-01' })).toEqual([{ field: 'certValidTo', code: 'INSPECTOR_CERT_DATES' }]);
    expect(checkInspectorFields({ ...ok, phone: '13800000000' })).toEqual([]);
    expect(checkInspectorFields({ ...ok, phone: '(024)23456789转8001' })).toEqual([]);
    expect(checkInspectorFields({ ...ok, phone: '无' })).toEqual([{ field: 'phone', code: 'INSPECTOR_PHONE_FORMAT' }]);
    expect(checkInspectorFields({ ...ok, idSuffix: '21010219900101123X' })).toEqual([{ field: 'idSuffix', code: 'INSPECTOR_ID_SUFFIX_FORMAT' }]);
  });
});
