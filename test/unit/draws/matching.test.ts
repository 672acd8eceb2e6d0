import { describe, expect, it } from 'vitest';
import { matchInspectors, type MatchCandidate, type MatchExpert, type MatchReason, type MatchResult, type MatchRules, type MatchTarget } from '../../../shared/domain/draws';
import { nodeCrypto, sha256, testSeed } from './node-crypto';
import { inclusionChiSquare } from './stats';

const WINDOW = { from: '2025-03-01', to: '2025-03-31' };

const candidate = (id: number, over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id,
  name: `检查员${id}`,
  certNo: `GD${String(id).padStart(6, '0')}`,
  enforcementQualified: true,
  active: true,
  certValidFrom: '2020-01-01',
  certValidTo: '2030-12-31',
  skills: ['食品'],
  region: null,
  absences: [],
  ...over,
});
const target = (seq: number, over: Partial<MatchTarget> = {}): MatchTarget => ({ targetId: 1000 + seq, seq, region: null, recusedInspectorIds: [], lastInspectorIds: [], ...over });
const rules = (over: Partial<MatchRules> = {}): MatchRules => ({
  teamSize: 2,
  maxPerInspector: null,
  requiredSkills: [],
  matchRegion: false,
  avoidLastPair: true,
  window: WINDOW,
  expertsPerTarget: 0,
  expertFields: [],
  ...over,
});
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const expectOk = (r: MatchResult) => {
  if (!r.ok) throw new Error(`expected a feasible matching, got ${JSON.stringify(r.infeasible)}`);
  return r;
};
const loadsOf = (r: MatchResult & { ok: true }) => {
  const loads = new Map<number, number>();
  for (const a of r.assignments) for (const id of a.inspectorIds) loads.set(id, (loads.get(id) ?? 0) + 1);
  return loads;
};

describe('matchInspectors: assignments', () => {
  const pool = [
    ...range(8).map((id) => candidate(id, { region: id % 2 ? '福田' : '南山' })),
    candidate(20, { absences: [{ from: '2025-03-31', to: '2025-04-05' }] }),
    candidate(21, { enforcementQualified: false }),
    candidate(22, { certValidTo: '2025-03-30' }),
    candidate(23, { active: false }),
  ];
  const targets = range(12).map((seq) =>
    target(seq, { region: seq % 3 === 0 ? null : seq % 2 ? '福田' : '南山', recusedInspectorIds: [((seq * 3) % 8) + 1], lastInspectorIds: seq % 2 ? [1, 3] : [2, 4] }),
  );

  it.each(range(30))('seed %d: each target gets teamSize distinct eligible inspectors — never recused, absent, off-region or its last pair', (n) => {
    const r = expectOk(matchInspectors(nodeCrypto, testSeed(n), targets, pool, [], rules({ matchRegion: true })));
    expect(r.assignments.map((a) => a.targetId)).toEqual(targets.map((t) => t.targetId));
    for (const a of r.assignments) {
      const t = targets.find((x) => x.targetId === a.targetId) as MatchTarget;
      expect(new Set(a.inspectorIds).size).toBe(2);
      for (const id of a.inspectorIds) {
        expect(id).toBeLessThanOrEqual(8);
        expect(t.recusedInspectorIds).not.toContain(id);
        const c = pool.find((x) => x.id === id) as MatchCandidate;
        if (t.region !== null) expect(c.region).toBe(t.region);
      }
      expect([...a.inspectorIds].sort((x, y) => x - y)).not.toEqual(t.lastInspectorIds);
      expect(a.expertIds).toEqual([]);
    }
  });

  it('same seed → same matching; the digest hashes targetId TAB inspectors TAB experts per line in seq order', () => {
    const a = expectOk(matchInspectors(nodeCrypto, testSeed(1), targets, pool, [], rules()));
    expect(matchInspectors(nodeCrypto, testSeed(1), [...targets].reverse(), [...pool].reverse(), [], rules())).toEqual(a);
    expect(a.digest).toBe(sha256(a.assignments.map((x) => `${x.targetId}\t${x.inspectorIds.join(',')}\t${x.expertIds.join(',')}\n`).join('')));
    const others = range(10, 2).map((n) => expectOk(matchInspectors(nodeCrypto, testSeed(n), targets, pool, [], rules())).digest);
    expect(new Set([a.digest, ...others]).size).toBe(11);
  });

  it('a region unknown on either side matches any region', () => {
    const r = expectOk(
      matchInspectors(nodeCrypto, testSeed(1), [target(1, { region: '福田' }), target(2, { region: null })], [candidate(1, { region: null }), candidate(2, { region: '福田' }), candidate(3, { region: '南山' })], [], rules({ matchRegion: true })),
    );
    expect(r.assignments[0]?.inspectorIds.sort()).toEqual([1, 2]);
  });

  it('teamSize below 2 is a programming error', () => {
    expect(() => matchInspectors(nodeCrypto, testSeed(1), [target(1)], pool, [], rules({ teamSize: 1 }))).toThrow(/teamSize/);
  });

  it('repeated candidate or target ids are a programming error', () => {
    expect(() => matchInspectors(nodeCrypto, testSeed(1), [target(1)], [candidate(1), candidate(1)], [], rules())).toThrow(/more than once/);
    expect(() => matchInspectors(nodeCrypto, testSeed(1), [target(1), target(1)], pool, [], rules())).toThrow(/more than once/);
  });
});

describe('matchInspectors: balance and fairness', () => {
  it('1,000 targets over 20 equal candidates: loads differ by at most 1', () => {
    const r = expectOk(matchInspectors(nodeCrypto, testSeed(3), range(1000).map((s) => target(s)), range(20).map((id) => candidate(id)), [], rules({ avoidLastPair: false })));
    const loads = [...loadsOf(r).values()];
    expect(loads).toHaveLength(20);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('2,000 seeds: how often each of 10 candidates serves target #3 is uniform (χ² df 9, critical 28.06 at p = 0.001)', () => {
    const pool = range(10).map((id) => candidate(id));
    const targets = range(5).map((s) => target(s));
    const counts = new Map(pool.map((c) => [c.id, 0]));
    for (let n = 0; n < 2000; n++) {
      const r = expectOk(matchInspectors(nodeCrypto, testSeed(n), targets, pool, [], rules()));
      for (const id of r.assignments[2]?.inspectorIds ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const test = inclusionChiSquare([...counts.values()], 2000, 2);
    expect(test.critical).toBeCloseTo(28.06, 1);
    expect(test.statistic).toBeLessThan(test.critical);
  });

  it('maxPerInspector is never exceeded', () => {
    const r = expectOk(matchInspectors(nodeCrypto, testSeed(5), range(10).map((s) => target(s, { recusedInspectorIds: s <= 5 ? [1, 2] : [] })), range(7).map((id) => candidate(id)), [], rules({ maxPerInspector: 3 })));
    expect(Math.max(...loadsOf(r).values())).toBeLessThanOrEqual(3);
  });

  it('the target with the fewest eligible inspectors is staffed first, which avoids a capped dead end', () => {
    // Cap 1, 4 candidates: #2 can only take 1 and 2. Staffing #1 first (seq order) would often take one of them.
    const targets = [target(1), target(2, { recusedInspectorIds: [3, 4] })];
    for (const n of range(40)) {
      const r = expectOk(matchInspectors(nodeCrypto, testSeed(n), targets, range(4).map((id) => candidate(id)), [], rules({ maxPerInspector: 1 })));
      expect(r.assignments.map((a) => [...a.inspectorIds].sort())).toEqual([
        [3, 4],
        [1, 2],
      ]);
    }
  });
});

describe('matchInspectors: infeasible targets and reasons', () => {
  it('3 candidates, 2 recused for X: X is infeasible with recused 2, the other target is not reported', () => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1), target(2, { recusedInspectorIds: [1, 3, 99] })], range(3).map((id) => candidate(id)), [], rules());
    expect(r).toEqual({ ok: false, infeasible: [{ targetId: 1002, seq: 2, excluded: { recused: 2 }, eligible: 1, needed: 2 }] });
  });

  it('a pool of only unqualified inspectors: every target reports not_qualified', () => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(2), target(1)], range(4).map((id) => candidate(id, { enforcementQualified: false })), [], rules());
    expect(r).toEqual({
      ok: false,
      infeasible: [
        { targetId: 1001, seq: 1, excluded: { not_qualified: 4 }, eligible: 0, needed: 2 },
        { targetId: 1002, seq: 2, excluded: { not_qualified: 4 }, eligible: 0, needed: 2 },
      ],
    });
  });

  it.each([
    ['not_qualified', { enforcementQualified: false }],
    ['inactive', { active: false }],
    ['cert_invalid', { certNo: null }],
    ['cert_invalid', { certValidTo: '2025-03-30' }],
    ['cert_invalid', { certValidFrom: '2025-03-02' }],
    ['absent', { absences: [{ from: '2025-02-01', to: '2025-03-01' }] }],
    ['absent', { absences: [{ from: '2025-03-31', to: '2025-04-01' }] }],
    ['skills', { skills: ['特种设备'] }],
  ] as [MatchReason, Partial<MatchCandidate>][])('%s: %j', (reason, over) => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1)], [candidate(1), candidate(2, over)], [], rules({ requiredSkills: ['食品', '计量'] }));
    expect(r).toEqual({ ok: false, infeasible: [{ targetId: 1001, seq: 1, excluded: { [reason]: 1 }, eligible: 1, needed: 2 }] });
  });

  it('the first failing rule names the candidate: unqualified and inactive counts as not_qualified', () => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1)], [candidate(1, { enforcementQualified: false, active: false, certNo: null })], [], rules());
    expect(r.ok === false && r.infeasible[0]?.excluded).toEqual({ not_qualified: 1 });
  });

  it.each([
    ['unknown certificate dates', { certValidFrom: null, certValidTo: null }],
    ['an absence just outside the window', { absences: [{ from: '2025-04-01', to: '2025-04-30' }] }],
    ['a matching skill among others', { skills: ['计量', '广告'] }],
  ])('%s do not exclude', (_label, over) => {
    expectOk(matchInspectors(nodeCrypto, testSeed(1), [target(1)], [candidate(1), candidate(2, over)], [], rules({ requiredSkills: ['食品', '计量'] })));
  });

  it('region: off-region candidates are counted per target', () => {
    const pool = [candidate(1, { region: '福田' }), candidate(2, { region: '南山' }), candidate(3, { region: '南山' }), candidate(4, { region: null })];
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1, { region: '福田', recusedInspectorIds: [2] })], pool, [], rules({ matchRegion: true }));
    expect(expectOk(r).assignments[0]?.inspectorIds.sort()).toEqual([1, 4]);
    const r2 = matchInspectors(nodeCrypto, testSeed(1), [target(1, { region: '罗湖', recusedInspectorIds: [2] })], pool, [], rules({ matchRegion: true }));
    expect(r2).toEqual({ ok: false, infeasible: [{ targetId: 1001, seq: 1, excluded: { recused: 1, region: 2 }, eligible: 1, needed: 2 }] });
  });

  it('last pair: with only the previous two inspectors eligible the target is infeasible (last_pair 1)', () => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1, { lastInspectorIds: [2, 1] })], range(2).map((id) => candidate(id)), [], rules());
    expect(r).toEqual({ ok: false, infeasible: [{ targetId: 1001, seq: 1, excluded: { last_pair: 1 }, eligible: 2, needed: 2 }] });
    expectOk(matchInspectors(nodeCrypto, testSeed(1), [target(1, { lastInspectorIds: [2, 1] })], range(2).map((id) => candidate(id)), [], rules({ avoidLastPair: false })));
  });

  it('last pair: over 100 seeds with 3 candidates the previous pair {1, 2} never comes back, and both others occur', () => {
    const seen = new Set<string>();
    for (const n of range(100)) {
      const r = expectOk(matchInspectors(nodeCrypto, testSeed(n), [target(1, { lastInspectorIds: [1, 2] })], range(3).map((id) => candidate(id)), [], rules()));
      seen.add([...(r.assignments[0]?.inspectorIds ?? [])].sort().join(','));
    }
    expect([...seen].sort()).toEqual(['1,3', '2,3']);
  });

  it('cap: once every eligible inspector is full, later targets report cap', () => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1), target(2)], range(3).map((id) => candidate(id)), [], rules({ maxPerInspector: 1 }));
    expect(r).toEqual({ ok: false, infeasible: [{ targetId: 1002, seq: 2, excluded: { cap: 2 }, eligible: 3, needed: 2 }] });
  });
});

describe('matchInspectors: experts', () => {
  const experts: MatchExpert[] = [
    { id: 1, name: '专家1', field: '食品', active: true },
    { id: 2, name: '专家2', field: '食品', active: true },
    { id: 3, name: '专家3', field: '计量', active: true },
    { id: 4, name: '专家4', field: '食品', active: false },
  ];
  const pool = range(6).map((id) => candidate(id));

  it('picks expertsPerTarget active experts of the listed fields, balanced', () => {
    const r = expectOk(matchInspectors(nodeCrypto, testSeed(2), range(10).map((s) => target(s)), pool, experts, rules({ expertsPerTarget: 1, expertFields: ['食品'] })));
    const counts = new Map<number, number>();
    for (const a of r.assignments) for (const id of a.expertIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.entries()].sort()).toEqual([
      [1, 5],
      [2, 5],
    ]);
  });

  it('no field filter: any active expert; the expert stream does not disturb the inspector picks', () => {
    const targets = range(4).map((s) => target(s));
    const withExperts = expectOk(matchInspectors(nodeCrypto, testSeed(2), targets, pool, experts, rules({ expertsPerTarget: 2 })));
    const without = expectOk(matchInspectors(nodeCrypto, testSeed(2), targets, pool, experts, rules()));
    expect(withExperts.assignments.map((a) => a.inspectorIds)).toEqual(without.assignments.map((a) => a.inspectorIds));
    for (const a of withExperts.assignments) {
      expect(a.expertIds).toHaveLength(2);
      expect(a.expertIds).not.toContain(4);
    }
  });

  it('too few experts: every target is infeasible with no_expert = the shortfall', () => {
    const r = matchInspectors(nodeCrypto, testSeed(1), [target(1), target(2, { recusedInspectorIds: range(5) })], pool, experts, rules({ expertsPerTarget: 2, expertFields: ['计量'] }));
    expect(r).toEqual({
      ok: false,
      infeasible: [
        { targetId: 1001, seq: 1, excluded: { no_expert: 1 }, eligible: 1, needed: 2 },
        { targetId: 1002, seq: 2, excluded: { recused: 5, no_expert: 1 }, eligible: 1, needed: 2 },
      ],
    });
  });
});
