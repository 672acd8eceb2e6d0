import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FixityRunDto } from '../../shared/contract';
import { archiveStaff, completeVolume, verifyArchive } from '../support/archive-fixtures';
import { makeTestContext, type TestContext } from '../support/test-context';
import { bindVolume, importBytes, textPdf } from '../support/volume-fixtures';

const codes = (run: FixityRunDto) => run.failures.map((f) => `${f.code} ${f.item}`);

/** Change a stored file and put it back afterwards. */
async function withFile(file: string, change: (bytes: Buffer) => Buffer | null, check: () => Promise<void>) {
  const original = fs.readFileSync(file);
  const changed = change(Buffer.from(original));
  if (changed === null) fs.rmSync(file);
  else fs.writeFileSync(file, changed);
  try {
    await check();
  } finally {
    fs.writeFileSync(file, original);
  }
}

const sql = (t: TestContext, statement: string, params: unknown[] = []) => t.app.db.write((tx) => tx.run(statement, params));

describe('archives.verify: four-property checks (四性检测) find tampering with the right item', () => {
  it('passes a sound volume with a public copy; detects a flipped byte, a deleted file, an edited binding row, an edited audit row and a leaking public copy', async () => {
    const t = await makeTestContext();
    const v = await completeVolume(t);
    const { clerk } = await archiveStaff(t);
    const evidence = await importBytes(t, v.volumeId, 'evidence.pdf', await textPdf(['KEPT PAGE TEXT', 'WITHHELD REVENUE FIGURES OF THE ENTERPRISE']), { docType: 'evidence', title: '经营情况' }, clerk);
    if (!evidence.ok) throw new Error(JSON.stringify(evidence));
    const evidenceId = (evidence.value as { id: number }).id;
    await clerk.call('volumes.markNonPublic', { entryId: evidenceId, pageIndex: 1, reason: 'trade_secret', note: null });
    await clerk.call('volumes.markNonPublic', { entryId: v.proofEntryId, pageIndex: null, reason: 'privacy', note: null });
    expect(codes(await verifyArchive(t, v.volumeId))).toEqual([`NOT_BOUND volume:${v.volumeId}`]);
    await bindVolume(t, v.volumeId, clerk);
    expect(codes(await verifyArchive(t, v.volumeId))).toEqual([`PUBLIC_COPY_MISSING volume:${v.volumeId}`]);
    const { jobId } = await clerk.call('volumes.bindPublic', { id: v.volumeId });
    await t.app.services.jobs.idle();
    expect((await clerk.call('jobs.get', { id: jobId })).state).toBe('succeeded');

    const sound = await verifyArchive(t, v.volumeId);
    expect(sound, JSON.stringify(sound.failures)).toMatchObject({ ok: true, checked: 1, failures: [] });
    const volume = await t.admin.call('volumes.get', { id: v.volumeId });
    expect(sound.pages).toBe(volume.bindings[0]!.pages);

    // A flipped byte in a scan (authenticity: the blob no longer matches its hash).
    const blobs = t.app.services.blobs;
    const proof = volume.entries.find((e) => e.id === v.proofEntryId)!;
    await withFile(blobs.pathOf(proof.blobSha256), (b) => {
      b[b.length >> 1] = (b[b.length >> 1] as number) ^ 0x01;
      return b;
    }, async () => {
      const run = await verifyArchive(t, v.volumeId);
      expect(run.ok).toBe(false);
      expect(run.failures).toMatchObject([{ volumeId: v.volumeId, property: 'authenticity', code: 'BLOB_HASH_MISMATCH', item: `entry:${proof.id}` }]);
    });

    // A deleted file: the bound version's PDF.
    const binding = await t.app.db.get<{ id: number; blob_sha256: string; size: number }>('SELECT id, blob_sha256, size FROM volume_bindings WHERE volume_id = ?', [v.volumeId]);
    await withFile(blobs.pathOf(binding!.blob_sha256), () => null, async () => {
      expect(codes(await verifyArchive(t, v.volumeId))).toContain('BLOB_MISSING binding:v1');
    });

    // An edited database row (behind the app's back): the binding's size.
    await sql(t, 'DROP TRIGGER volume_bindings_immutable_update');
    await sql(t, 'UPDATE volume_bindings SET size = size + 1 WHERE id = ?', [binding!.id]);
    let run = await verifyArchive(t, v.volumeId);
    expect(codes(run)).toEqual(expect.arrayContaining(['BINDING_SIZE_MISMATCH binding:v1', `AUDIT_ROW_MISMATCH volume_binding:${binding!.id}`]));
    expect(run.failures.find((f) => f.code === 'AUDIT_ROW_MISMATCH')).toMatchObject({ volumeId: v.volumeId, property: 'authenticity' });
    await sql(t, 'UPDATE volume_bindings SET size = ? WHERE id = ?', [binding!.size, binding!.id]);
    expect((await verifyArchive(t, v.volumeId)).ok).toBe(true);

    // An edited audit row: the hash chain breaks there.
    const event = await t.app.db.get<{ seq: number; actor_login: string }>(`SELECT seq, actor_login FROM audit_events WHERE action = 'volumes.bind' ORDER BY seq LIMIT 1`);
    await sql(t, 'UPDATE audit_events SET actor_login = ? WHERE seq = ?', ['intruder', event!.seq]);
    run = await verifyArchive(t, v.volumeId);
    expect(run.failures).toContainEqual(expect.objectContaining({ volumeId: null, property: 'authenticity', code: 'AUDIT_CHAIN_BROKEN', item: `audit:#${event!.seq}` }));
    await sql(t, 'UPDATE audit_events SET actor_login = ? WHERE seq = ?', [event!.actor_login, event!.seq]);

    // A public copy that carries the withheld pages (its row pointed at the full version): security fails.
    const copy = await t.app.db.get<{ id: number; blob_sha256: string; sha256: string; size: number }>('SELECT id, blob_sha256, sha256, size FROM volume_public_copies WHERE volume_id = ?', [v.volumeId]);
    const full = await t.app.db.get<{ blob_sha256: string; size: number }>('SELECT blob_sha256, size FROM volume_bindings WHERE volume_id = ?', [v.volumeId]);
    await sql(t, 'DROP TRIGGER volume_public_copies_immutable_update');
    await sql(t, 'UPDATE volume_public_copies SET blob_sha256 = ?, sha256 = ?, size = ? WHERE id = ?', [full!.blob_sha256, full!.blob_sha256, full!.size, copy!.id]);
    run = await verifyArchive(t, v.volumeId);
    const leaks = run.failures.filter((f) => f.code === 'PUBLIC_COPY_LEAK');
    expect(leaks.length).toBe(2); // the evidence's second page and the JPEG proof
    expect(leaks[0]).toMatchObject({ property: 'security', item: 'public:v1' });
    await sql(t, 'UPDATE volume_public_copies SET blob_sha256 = ?, sha256 = ?, size = ? WHERE id = ?', [copy!.blob_sha256, copy!.sha256, copy!.size, copy!.id]);
    expect((await verifyArchive(t, v.volumeId)).ok).toBe(true);

    // A non-checker cannot start a run.
    const inspector = await t.createUser('insp-x', '210102', ['inspector']);
    expect(await inspector.raw('archives.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.app.close();
  }, 240_000);

  it('resumes a run stopped half-way after the last volume it finished', async () => {
    const t = await makeTestContext();
    const a = await completeVolume(t);
    const b = await completeVolume(t, a.drawn, 1);
    const { clerk } = await archiveStaff(t);
    await bindVolume(t, a.volumeId, clerk);
    await bindVolume(t, b.volumeId, clerk);
    const fixity = t.app.services.fixity;
    const { runId } = await fixity.start({ userId: null, login: 'system' }, { bureauIds: [t.bureauId('210102')] });
    await t.app.services.jobs.idle();
    // A second run, driven by hand: it stops (as at a crash) after the first volume, then resumes.
    const second = await t.app.db.write((tx) => tx.run(`INSERT INTO fixity_runs (volume_id, bureau_ids, started_at) VALUES (NULL, ?, '2026-03-02T09:00:00.000Z')`, [JSON.stringify([t.bureauId('210102')])]));
    let calls = 0;
    const stopping = { jobId: 0, input: { runId: second.lastId, actor: { userId: null, login: 'system' } }, checkpoint: null, saveCheckpoint: async () => undefined, progress: async (_d: number, _t: number, phase: string) => { if (phase === 'volumes' && ++calls === 1) throw new Error('power cut'); } };
    await expect(fixity.run(stopping)).rejects.toThrow('power cut');
    expect(await t.app.db.get('SELECT checked, last_volume_id, state FROM fixity_runs WHERE id = ?', [second.lastId])).toEqual({ checked: 1, last_volume_id: Math.min(a.volumeId, b.volumeId), state: 'running' });
    const resumed = await fixity.run({ ...stopping, progress: async () => undefined });
    expect(resumed).toMatchObject({ ok: true, checked: 2 });
    expect((await t.admin.call('archives.fixityRun', { id: runId })).checked).toBe(2);
    await t.app.close();
  }, 240_000);
});
