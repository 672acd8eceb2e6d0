// Four-property check (四性检测) throughput: `archive verify` over VOLUMES bound volumes of PAGES_PER JPEG
// scans each (issue 8 target: 1,000 volumes / 100,000 pages — VOLUMES=1000 PAGES_PER=100; the default is
// smaller so it runs in a minute or two). Measures the real 'archives.verify' job: the audit chain, every
// blob re-hashed, every scan decoded (sharp), every bound PDF parsed (pdf-lib) with its numbering and fonts.
// Prints pages/s and the ratio to `sha256sum` over the same blob files (the hashing floor).
// Usage: npm run bench -- archive-verify   (VOLUMES=20 PAGES_PER=50 DPI=150)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createAppContext } from '../electron/core/app-context';
import { volumeSnapshot } from '../electron/core/draws/draw-repository';
import { entrySnapshot, findEntry } from '../electron/core/volumes/volume-repository';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const VOLUMES = Number(process.env.VOLUMES ?? 20);
const PAGES_PER = Number(process.env.PAGES_PER ?? 50);
const DPI = Number(process.env.DPI ?? 150);
const DISTINCT = 10;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** DISTINCT rendered scans; each page made distinct by a COM segment naming it (distinct bytes, as real scans are). */
async function renderings(dir: string): Promise<Buffer[]> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < DISTINCT; p++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 40; l++) page.drawText(`Scanned page ${p + 1}, line ${l + 1}: the quick brown fox jumps over the lazy dog`, { x: 50, y: 780 - l * 18, size: 10, font });
  }
  fs.writeFileSync(path.join(dir, 'pages.pdf'), await doc.save());
  execFileSync('pdftoppm', ['-jpeg', '-gray', '-r', String(DPI), '-jpegopt', 'quality=80', path.join(dir, 'pages.pdf'), path.join(dir, 'scan')]);
  return fs.readdirSync(dir).filter((f) => f.startsWith('scan') && f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
}

const distinct = (base: Buffer, n: number) => {
  const note = Buffer.from(`casebinder bench page ${n}`);
  return Buffer.concat([base.subarray(0, 2), Buffer.from([0xff, 0xfe, 0, note.length + 2]), note, base.subarray(2)]);
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-bench-verify-'));
  const scans = await renderings(dir);
  const app = await createAppContext({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve('resources'), platform: createHeadlessPlatform(), create: true, resumeJobs: false });
  await app.ensureInitialised();
  const bureau = app.services.bureaus.city()!.id;
  const T = new Date().toISOString();
  const actor = { userId: null, login: 'bench' };
  const t0 = performance.now();
  // Fixture (not measured): volumes of imported scans straight into SQLite, audited like the app does, then bound by the real job.
  await app.db.write(async (tx) => {
    await tx.run(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '沈阳测试有限公司', ?, ?, ?)`, [bureau, T, T]);
  });
  for (let v = 1; v <= VOLUMES; v++) {
    await app.db.write(async (tx) => {
      await tx.run(`INSERT INTO volumes (id, target_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 'manual', ?, ?)`, [v, bureau, bureau, `基准专卷 ${v}`, T, T]);
      const volumes = await app.services.audit.beginBulk(tx, { actor, action: 'bench.fixture', entity: 'volume', entityId: v });
      await volumes.add(v, volumeSnapshot((await tx.get('SELECT * FROM volumes WHERE id = ?', [v])) as Parameters<typeof volumeSnapshot>[0]));
      await volumes.finish();
      const entries = await app.services.audit.beginBulk(tx, { actor, action: 'bench.fixture', entity: 'volume_entry', entityId: `volume:${v}` });
      for (let p = 0; p < PAGES_PER; p++) {
        const blob = await app.services.blobs.put(tx, distinct(scans[(v + p) % scans.length] as Buffer, v * 1_000_000 + p), 'image/jpeg');
        const { lastId } = await tx.run(`INSERT INTO volume_entries (volume_id, source, blob_sha256, media_type, doc_type, title, doc_date, page_count, created_at, updated_at) VALUES (?, 'imported', ?, 'image/jpeg', 'evidence', ?, '2026-04-02', 1, ?, ?)`, [v, blob.sha256, `现场检查照片 ${p + 1}`, T, T]);
        await entries.add(lastId, entrySnapshot(await findEntry(tx, lastId)));
      }
      await entries.finish();
    });
    await app.services.jobs.start('volumes.bind', { volumeId: v, incompleteReason: 'bench', missing: [], actor }, null);
    await app.services.jobs.idle();
  }
  const blobFiles = (await app.db.all<{ sha256: string }>('SELECT sha256 FROM blobs')).map((r) => app.services.blobs.pathOf(r.sha256));
  const bytes = blobFiles.reduce((s, f) => s + fs.statSync(f).size, 0);
  console.log(`fixture: ${VOLUMES} volumes × ${PAGES_PER} scans at ${DPI} dpi, bound; ${blobFiles.length} blob files, ${mb(bytes)} (${((performance.now() - t0) / 1000).toFixed(1)} s, not measured)`);

  const started = performance.now();
  const { runId } = await app.services.fixity.start(actor, { bureauIds: app.services.bureaus.subtree(bureau) });
  await app.services.jobs.idle();
  const seconds = (performance.now() - started) / 1000;
  const run = await app.services.fixity.get(runId, () => undefined);
  const pages = VOLUMES * PAGES_PER;
  console.log(`archive verify: ${run.checked} volumes, ${pages} scanned pages (${run.pages} bound pages) in ${seconds.toFixed(2)} s → ${(pages / seconds).toFixed(0)} pages/s, ${mb(bytes / seconds)}/s; ok=${run.ok}, failures=${run.failures.length}`);

  // The floor: hashing the same files with coreutils (batched to stay under the argument limit).
  const s0 = performance.now();
  for (let i = 0; i < blobFiles.length; i += 500) execFileSync('sha256sum', blobFiles.slice(i, i + 500), { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 });
  const floor = (performance.now() - s0) / 1000;
  console.log(`sha256sum over the same ${blobFiles.length} files: ${floor.toFixed(2)} s → archive verify takes ${(seconds / floor).toFixed(1)} × the hashing floor`);
  await app.close();
}

void main();
