import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import type { TargetRow } from '../../electron/core/db/entities';
import { targetSnapshot, targetSnapshotJson } from '../../electron/core/targets/target-repository';

const base: TargetRow = {
  id: 7,
  kind: 'for_profit',
  creditCode: '91210102MA0XY12326',
  identifier: null,
  description: null,
  name: '沈阳市和平区鑫源食品商行 "引号" \\ 反斜杠',
  legalRep: '张三',
  address: '沈阳市和平区南京北街 1 号\n二楼',
  registrationBureauId: 3,
  territorialBureauId: 4,
  industry: '批发和零售业',
  riskLevel: 'medium',
  creditClass: 'A',
  regStatus: 'active',
  warnings: '["W1","W2"]',
  nameBigrams: '沈阳 阳市',
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('targetSnapshotJson (the import’s fast path)', () => {
  const cases: [string, TargetRow, number[]][] = [
    ['all fields set, tags unsorted', base, [9, 2, 5]],
    ['nulls and no tags', { ...base, creditCode: null, identifier: 'CP-1', description: '电动自行车', legalRep: null, address: null, registrationBureauId: null, industry: null, riskLevel: null, creditClass: null, warnings: '[]' }, []],
    ['non-BMP and control characters', { ...base, name: '𠀀𪚥 \u0001\u2028', version: 1 }, [1]],
  ];
  for (const [title, row, tags] of cases) {
    it(`equals canonicalJson(targetSnapshot(…)): ${title}`, () => {
      expect(targetSnapshotJson(row, tags)).toBe(canonicalJson(targetSnapshot(row, tags)));
    });
  }

  it('does not reorder the caller’s tag array', () => {
    const tags = [3, 1, 2];
    targetSnapshotJson(base, tags);
    expect(tags).toEqual([3, 1, 2]);
  });
});
