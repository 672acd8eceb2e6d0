import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent, AuditVerifyReport } from '../../shared/contract';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

async function verifyViaJob(t: TestContext) {
  const events: AppEvent[] = [];
  const off = t.app.events.subscribe((e) => events.push(e));
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  off();
  const job = await t.admin.call('jobs.get', { id: jobId });
  return { job, report: job.result as AuditVerifyReport, events };
}

describe('audit log as a SHA-256 hash chain', () => {
  it('verifies clean, as a job with progress events', async () => {
    t = await makeTestContext();
    await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '甲公司', territorialBureauId: t.bureauId('210102') });
    const { job, report, events } = await verifyViaJob(t);
    expect(job.state).toBe('succeeded');
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.events).toBeGreaterThanOrEqual(17); // 14 bureaus, admin, login, target
    const progress = events.filter((e) => e.type === 'job.progress');
    expect(progress.map((e) => e.state)).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']));
  });

  it('detects a target row edited behind the app’s back', async () => {
    t = await makeTestContext();
    const target = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '甲公司', territorialBureauId: t.bureauId('210102') });
    await t.app.db.write((tx) => tx.run("UPDATE targets SET name = '乙公司' WHERE id = ?", [target.id]));
    const { report } = await verifyViaJob(t);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ kind: 'entity', seq: null, entity: `target:${target.id}`, detail: 'row differs from its last audited state' }]);
  });

  it('detects an edited, a deleted and an inserted event', async () => {
    t = await makeTestContext();
    await t.app.db.write((tx) => tx.run("UPDATE audit_events SET actor_login = 'mallory' WHERE seq = 3"));
    let { report } = await verifyViaJob(t);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'hash', seq: 3 }));

    await t.app.close();
    t = await makeTestContext();
    await t.app.db.write((tx) => tx.run('DELETE FROM audit_events WHERE seq = 5'));
    ({ report } = await verifyViaJob(t));
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'sequence', seq: 6 }), expect.objectContaining({ kind: 'link', seq: 6 })]));

    await t.app.close();
    t = await makeTestContext();
    const target = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '甲公司', territorialBureauId: t.bureauId('210102') });
    // A forged history row claiming an old event wrote a different state, plus the row edited to match it.
    await t.app.db.write(async (tx) => {
      await tx.run("INSERT INTO entity_history (audit_seq, entity, entity_id, snapshot) VALUES (3, 'target', ?, '{}')", [String(target.id)]);
    });
    ({ report } = await verifyViaJob(t));
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'link', seq: 3, entity: `target:${target.id}` }));
  });

  it('a bulk change is one event whose digest covers every history row', async () => {
    t = await makeTestContext();
    const { audit } = t.app.services;
    await t.app.db.write(async (tx) => {
      const bulk = await audit.beginBulk(tx, { actor: { userId: 1, login: 'admin' }, action: 'test.bulk', entity: 'widget', entityId: 'batch-1' });
      for (let i = 0; i < 1234; i++) await bulk.add(i, { n: i });
      expect(await bulk.finish({ file: 'x.csv' })).toMatchObject({ changes: 1234 });
    });
    expect((await verifyViaJob(t)).report.ok).toBe(true);
    expect(await audit.history('widget', 7)).toEqual([expect.objectContaining({ action: 'test.bulk', changes: [{ field: 'n', before: null, after: 7 }] })]);
    await t.app.db.write((tx) => tx.run(`UPDATE entity_history SET snapshot = '{"n":8}' WHERE entity = 'widget' AND entity_id = '7'`));
    const { report } = await verifyViaJob(t);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'hash', detail: expect.stringContaining('history rows do not match') }));
  });

  it('history rows store each snapshot exactly as canonical JSON, whatever its strings hold', async () => {
    t = await makeTestContext();
    const { audit } = t.app.services;
    const tricky = ['"quoted" \\ back\\slash', 'line\nbreak\ttab\r\b\f', '\u0000\u0001\u001f\u007f', '\u2028\u2029', '\ud83d\ude00 沈阳', '\ud800 lone', '\udc00', '', '{"not":"json"}', '1e21'];
    const snapshots = tricky.map((text, i) => ({ text, nested: { list: [text, i, -0, 1.5e300, null, true] }, n: i }));
    await t.app.db.write(async (tx) => {
      const bulk = await audit.beginBulk(tx, { actor: { userId: 1, login: 'admin' }, action: 'test.bulk', entity: 'probe', entityId: 'batch' });
      for (const [i, snapshot] of snapshots.entries()) await bulk.add(i, snapshot);
      await bulk.add('gone', null);
      await bulk.finish();
    });
    const rows = await t.app.db.all<{ entity_id: string; snapshot: string | null }>(`SELECT entity_id, snapshot FROM entity_history WHERE entity = 'probe' ORDER BY id`);
    expect(rows).toEqual([...snapshots.map((s, i) => ({ entity_id: String(i), snapshot: canonicalJson(s) })), { entity_id: 'gone', snapshot: null }]);
    expect((await verifyViaJob(t)).report.ok).toBe(true);
  });

  it('a user row whose password hash was swapped is caught', async () => {
    t = await makeTestContext();
    await t.app.db.write((tx) => tx.run("UPDATE users SET password_hash = 'scrypt$1$1$1$AAAA$BBBB' WHERE login = 'admin'"));
    const { report } = await verifyViaJob(t);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'entity', entity: 'user:1' }));
  });
});
