// Binding a 300-page volume of 300-dpi JPEG scans (issue 7: ≤ 10 s, ≤ 1 GB peak RSS, file ≤ 1.1 × the images).
// Measures the real 'volumes.bind' job: blobs read back and hash-checked, cover/目录/备考表, pages copied,
// numbers stamped, outline, save, SHA-256, blob written and synced, version row and audit events.
// Scans are rendered once by poppler's pdftoppm (grey, 300 dpi) from distinct text pages; to reach PAGES
// without rendering each, a page is reused with a COM segment naming its number (distinct bytes, as scans are).
// Also prints the floor for the merge itself: qpdf joining the same JPEGs as single-page PDFs.
// Usage: npm run bench -- volume-bind   (PAGES=300 DISTINCT=20)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createAppContext } from '../electron/core/app-context';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const PAGES = Number(process.env.PAGES ?? 300);
const DISTINCT = Number(process.env.DISTINCT ?? 20);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function scans(dir: string): Promise<Buffer[]> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < DISTINCT; p++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 40; l++) page.drawText(`Scanned page ${p + 1}, line ${l + 1}: the quick brown fox jumps over the lazy dog ${p * 40 + l}`, { x: 50, y: 780 - l * 18, size: 10, font });
  }
  fs.writeFileSync(path.join(dir, 'pages.pdf'), await doc.save());
  execFileSync('pdftoppm', ['-jpeg', '-gray', '-r', '300', '-jpegopt', 'quality=85', path.join(dir, 'pages.pdf'), path.join(dir, 'scan')]);
  const rendered = fs.readdirSync(dir).filter((f) => f.startsWith('scan') && f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  return Array.from({ length: PAGES }, (_, i) => {
    const base = rendered[i % rendered.length] as Buffer;
    const note = Buffer.from(`casebinder bench page ${i + 1}`);
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note]);
    return Buffer.concat([base.subarray(0, 2), com, base.subarray(2)]); // COM right after SOI
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-bench-volume-'));
  let images: Buffer[] | null = await scans(dir);
  const imageBytes = images.reduce((s, b) => s + b.length, 0);
  const shas: string[] = [];
  console.log(`${PAGES} JPEG scans at 300 dpi (${DISTINCT} distinct renderings), ${mb(imageBytes)}, ${mb(imageBytes / PAGES)} each`);

  const app = await createAppContext({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve('resources'), platform: createHeadlessPlatform(), create: true });
  await app.ensureInitialised();
  const bureau = app.services.bureaus.city()!.id;
  const T = new Date().toISOString();
  // Fixture only (not measured): a volume with one imported entry per scan, straight into SQLite.
  await app.db.write(async (tx) => {
    await tx.run(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '沈阳测试有限公司', ?, ?, ?)`, [bureau, T, T]);
    await tx.run(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, ?, 2026, '食品安全', '计划', ?, ?)`, [bureau, T, T]);
    await tx.run(`INSERT INTO tasks (id, plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, 1, '第一批', ?, '{}', '{}', '{}', '2026-04-01', '2026-06-30', ?, ?)`, [bureau, T, T]);
    await tx.run(`INSERT INTO volumes (id, task_id, target_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (1, 1, 1, ?, ?, '关于对沈阳测试有限公司的双随机抽查检查专卷', 'manual', ?, ?)`, [bureau, bureau, T, T]);
    for (const [i, bytes] of (images as Buffer[]).entries()) {
      const blob = await app.services.blobs.put(tx, bytes, 'image/jpeg');
      shas.push(blob.sha256);
      await tx.run(`INSERT INTO volume_entries (volume_id, source, blob_sha256, media_type, doc_type, title, doc_date, page_count, created_at, updated_at) VALUES (1, 'imported', ?, 'image/jpeg', 'evidence', ?, '2026-04-02', 1, ?, ?)`, [blob.sha256, `现场检查照片 ${i + 1}`, T, T]);
    }
  });
  images = null; // the fixture's copies are not the binding's memory
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  const started = performance.now();
  const job = await app.services.jobs.start('volumes.bind', { volumeId: 1, incompleteReason: 'bench', missing: [], actor: { userId: null, login: 'bench' } }, null);
  await app.services.jobs.idle();
  const seconds = (performance.now() - started) / 1000;
  const bindPeak = Math.max(peakRss, process.memoryUsage().rss); // before the checks below read everything again
  const done = await app.services.jobs.get(job.id);
  if (done.state !== 'succeeded') throw new Error(`bind failed: ${done.errorCode} ${JSON.stringify(done.errorDetails)}`);
  const result = done.result as { pages: number; size: number; sha256: string };
  const out = path.join(dir, 'bound.pdf');
  fs.writeFileSync(out, await app.services.blobs.read(result.sha256));
  const bound = Buffer.from(fs.readFileSync(out));
  let unchanged = 0;
  for (const sha of shas) if (bound.includes(await app.services.blobs.read(sha))) unchanged++;
  console.log(`bind (job, incl. blob write + fsync): ${seconds.toFixed(2)} s for ${result.pages} pages (limit 10 s)`);
  console.log(`peak RSS while binding: ${mb(bindPeak)} (before binding ${mb(rssBefore)}; limit 1024 MB)`);
  console.log(`output: ${mb(result.size)} = ${(result.size / imageBytes).toFixed(3)} × the images (limit 1.1); JPEGs found unchanged: ${unchanged}/${PAGES}`);
  // The public copy (公开版) of the same volume with every 10th scan withheld (placeholder pages).
  await app.db.write(async (tx) => {
    await tx.run(`INSERT INTO volume_redactions (entry_id, page_index, reason, note, marked_at) SELECT id, 0, 'trade_secret', 'bench', ? FROM volume_entries WHERE volume_id = 1 AND id % 10 = 0`, [T]);
  });
  peakRss = process.memoryUsage().rss;
  const publicStarted = performance.now();
  const publicJob = await app.services.jobs.start('volumes.bindPublic', { volumeId: 1, incompleteReason: null, missing: [], actor: { userId: null, login: 'bench' } }, null);
  await app.services.jobs.idle();
  const publicSeconds = (performance.now() - publicStarted) / 1000;
  const publicDone = await app.services.jobs.get(publicJob.id);
  if (publicDone.state !== 'succeeded') throw new Error(`public copy failed: ${publicDone.errorCode} ${JSON.stringify(publicDone.errorDetails)}`);
  const pub = publicDone.result as { pages: number; size: number; withheldPages: number };
  console.log(`public copy (job): ${publicSeconds.toFixed(2)} s for ${pub.pages} pages, ${pub.withheldPages} withheld as placeholders (limit 20 s); ${mb(pub.size)}; peak RSS ${mb(peakRss)}`);
  // The floor: qpdf merging the same JPEGs wrapped as single-page PDFs (wrapping not timed).
  try {
    const singles: string[] = [];
    for (const [i, sha] of shas.entries()) {
      const bytes = await app.services.blobs.read(sha);
      const doc = await PDFDocument.create();
      const img = await doc.embedJpg(bytes);
      doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
      const file = path.join(dir, `single-${i}.pdf`);
      fs.writeFileSync(file, await doc.save());
      singles.push(file);
    }
    const q = performance.now();
    execFileSync('qpdf', ['--empty', '--pages', ...singles, '--', path.join(dir, 'qpdf.pdf')]);
    const qs = (performance.now() - q) / 1000;
    console.log(`qpdf merge floor: ${qs.toFixed(2)} s, ${mb(fs.statSync(path.join(dir, 'qpdf.pdf')).size)}; bind / qpdf = ${(seconds / qs).toFixed(2)}`);
  } catch (error) {
    console.log(`qpdf merge floor skipped: ${(error as Error).message}`);
  }
  await app.close();
  clearInterval(sampler);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
