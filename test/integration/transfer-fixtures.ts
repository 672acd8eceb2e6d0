import fs from 'node:fs';
import path from 'node:path';
import { todayOf } from '../support/inspection-fixtures';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';
import { bindVolume, importBytes, scanJpeg, textPdf, volumeWithDocuments } from '../support/volume-fixtures';

/** Helpers of the transfer and backup tests (test/integration/transfer*.test.ts, backup*.test.ts). */

export async function runJob(t: TestContext, method: 'volumes.bindPublic' | 'transfers.export' | 'transfers.import' | 'backup.run' | 'backup.verify' | 'backup.restore', input: Record<string, unknown>, caller = t.admin) {
  const res = await caller.raw(method, input);
  if (!res.ok) return { state: 'refused' as const, errorCode: res.error.code, errorDetails: res.error.details, result: null };
  await t.app.services.jobs.idle();
  return caller.call('jobs.get', { id: (res.value as { jobId: number }).jobId });
}

/** A complete, bound volume: generated notice and register, an evidence PDF with a 不予公开 page, a JPEG proof; full version and public copy. */
export async function boundVolume(t: TestContext) {
  const v = await volumeWithDocuments(t);
  const bureau = t.app.services.bureaus.get(v.inspection.inspectingBureauId).divisionCode as string;
  const clerk = await t.createUser(`clerk${v.volumeId}`, bureau, ['clerk']);
  const imp = async (name: string, bytes: Uint8Array, docType: 'evidence' | 'service_proof', title: string) => {
    const r = await importBytes(t, v.volumeId, name, bytes, { docType, title });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as { id: number };
  };
  const evidence = await imp('evidence.pdf', await textPdf(['BUSINESS LICENCE', 'TURNOVER 1234']), 'evidence', '营业执照及经营情况');
  await imp('proof.jpg', await scanJpeg('SERVICE PROOF'), 'service_proof', '送达回证');
  await clerk.call('publish.mark', { inspectionIds: [v.inspectionId], publishedOn: todayOf(t), platforms: ['gsxt'] });
  await clerk.call('volumes.markNonPublic', { entryId: evidence.id, pageIndex: 1, reason: 'trade_secret', note: '营业收入' });
  const bound = await bindVolume(t, v.volumeId);
  const pub = await runJob(t, 'volumes.bindPublic', { id: v.volumeId });
  if (pub.state !== 'succeeded') throw new Error(`bindPublic ${pub.state} ${pub.errorCode}`);
  return { ...v, clerk, evidence, bound };
}

/** Two installations (data folders) whose admins trust each other's bureau keys. */
export async function twoInstallations() {
  const sender = await makeTestContext({ dataDir: path.join(tempDir('casebinder-sender-'), 'data') });
  const receiver = await makeTestContext({ dataDir: path.join(tempDir('casebinder-receiver-'), 'data') });
  return { sender, receiver };
}

export async function trust(from: TestContext, to: TestContext, bureauId?: number) {
  const { file } = await from.admin.call('transfers.exportKey', bureauId ? { bureauId } : {});
  return to.admin.call('transfers.trustKey', { file });
}

export const count = async (t: TestContext, table: string) => (await t.app.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;

export function copyDir(from: string): string {
  const to = path.join(tempDir('casebinder-copy-'), path.basename(from));
  fs.cpSync(from, to, { recursive: true });
  return to;
}
