// Binding a 300-page volume of 300-dpi scans and its public copy (issue 7: bind ≤ 10 s, ≤ 1 GB peak RSS,
// file ≤ 1.1 × the images; public copy ≤ 20 s). Measures the real 'volumes.bind' and 'volumes.bindPublic'
// jobs: blobs read back and hash-checked, cover/目录/备考表, pages copied, numbers stamped, outline, save,
// SHA-256, blob written and synced, version row and audit events; for the public copy also the filed
// scans rebuilt with their 不予公开 rectangles burned into the images and their words dropped.
// The volume is what a clerk binds: 9 pages in 10 are scanned documents filed from the scanning pipeline
// (searchable PDFs over the stored JPEGs), every 10th page an imported photo. Pages are rendered once by
// poppler's pdftoppm (grey, 300 dpi) from DISTINCT Chinese text pages; to reach PAGES without rendering
// each, a page is reused with a COM segment naming its number (distinct bytes, as scans are).
// OCR is not run (10 min for 300 pages): each page gets the words and lines where the text was drawn,
// stored as scan-process.ts stores a recognised page; filing then goes through the real scans.fileDocument.
// Public copy, realistic: every 10th page withheld whole, a rectangle over the credit code on another 10%.
// Public copy, worst case: a rectangle on every scanned page. Both are checked with pdftotext: the code
// under a rectangle is gone from its page, present in the full version, the rest of the page still there.
// Each job runs in a fresh process of its own (MALLOC_ARENA_MAX=2 as the app starts), so its peak RSS is
// not inflated by the fixture or an earlier job. Each public copy is then broken down step by step.
// Also prints the floor for the merge itself: qpdf joining the same JPEGs as single-page PDFs.
// Usage: npm run bench -- volume-bind   (PAGES=300 DISTINCT=20)
import fontkit from '@pdf-lib/fontkit';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import type { Region, VolumeDocType } from '../shared/domain/volumes/volumes';
import { createAppContext } from '../electron/core/app-context';
import type { AuditActor } from '../electron/core/audit/audit-service';
import type { OcrPageResult, OcrWord } from '../electron/core/ocr/ocr-types';
import { normaliseOcrLine, repairCreditCodes } from '../electron/core/ocr/text-normalise';
import { splitScanFile } from '../electron/core/scans/scan-files';
import { indexDocument, type StoredLayout } from '../electron/core/scans/scan-repository';
import { burnRegions } from '../electron/core/scans/scan-service';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const PAGES = Number(process.env.PAGES ?? 300);
const DISTINCT = Number(process.env.DISTINCT ?? 20);
const actor: AuditActor = { userId: null, login: 'bench' };

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

// ---- the paper ----------------------------------------------------------------------------------------------

const A4 = { w: 595.28, h: 841.89 };
const BODY = [
  '经查，当事人持有有效的食品经营许可证，许可项目与实际经营相符。',
  '现场检查时当事人的负责人在场，检查人员出示了执法证件并说明来意。',
  '仓库内存放的预包装食品均在保质期内，未发现过期变质食品。',
  '从业人员健康证明齐全，晨检记录填写完整，索证索票资料已归档。',
  '冷藏设施运转正常，温度记录表显示近三十日温度均符合要求。',
  '检查人员对上述情况进行了拍照取证，当事人对检查结果无异议。',
];

/** A drawn line and its words, in pixels of the 300-dpi rendering; the credit code is the word a rectangle goes over. */
type DrawnLine = { text: string; words: { text: string; x0: number; x1: number }[]; top: number; bottom: number; baseline: number };
type Rendering = { code: string; title: string; lines: DrawnLine[]; codeLine: number };

const codeOf = (r: number) => `91440300MA5F${String(r).padStart(4, '0')}2X`; // 18 characters, unique per rendering

/** DISTINCT pages of an inspection record, drawn with the app's CJK font, and where each word went. */
async function paper(dir: string): Promise<Rendering[]> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(path.resolve('resources/fonts/wqy-microhei.ttf')), { subset: true });
  const renderings: Rendering[] = [];
  for (let r = 0; r < DISTINCT; r++) {
    const page = doc.addPage([A4.w, A4.h]);
    const title = `现场检查笔录样张第${r + 1}号`;
    const texts = [title, `当事人：沈阳测试有限公司第${r + 1}分店`, `统一社会信用代码：${codeOf(r)}`, ...Array.from({ length: 30 }, (_, l) => BODY[(r + l) % BODY.length] as string)];
    const lines = texts.map((text, l) => drawLine(page, font, text, 60, 770 - l * 22, l === 0 ? 14 : 11));
    renderings.push({ code: codeOf(r), title, lines, codeLine: 2 });
  }
  fs.writeFileSync(path.join(dir, 'pages.pdf'), await doc.save());
  return renderings;
}

/** Draw one line and return its OCR-like words: 2 CJK characters or one run of ASCII each (as chi_sim splits). */
function drawLine(page: ReturnType<PDFDocument['addPage']>, font: PDFFont, text: string, x: number, y: number, size: number): DrawnLine {
  page.drawText(text, { x, y, size, font });
  const k = 300 / 72;
  const chunks = text.match(/[A-Za-z0-9]+|[^A-Za-z0-9]{1,2}/g) ?? [];
  let at = x;
  const words = chunks.map((c) => {
    const w = font.widthOfTextAtSize(c, size);
    const word = { text: c, x0: Math.round(at * k), x1: Math.round((at + w) * k) };
    at += w;
    return word;
  });
  return { text, words, top: Math.round((A4.h - y - 0.9 * size) * k), bottom: Math.round((A4.h - y + 0.15 * size) * k), baseline: Math.round((A4.h - y) * k) };
}

/** What OCR would have returned for a rendering (ocr-types.ts, normalised as page-result.ts does). */
function ocrResult(r: Rendering, width: number, height: number): OcrPageResult {
  const sx = width / Math.round((A4.w * 300) / 72);
  const sy = height / Math.round((A4.h * 300) / 72);
  const lines = r.lines.map((l) => {
    const words: OcrWord[] = l.words.map((w) => ({ text: repairCreditCodes(w.text.normalize('NFKC').trim()), confidence: 91.5, bbox: { x0: Math.round(w.x0 * sx), y0: Math.round(l.top * sy), x1: Math.round(w.x1 * sx), y1: Math.round(l.bottom * sy) } }));
    const bbox = { x0: words[0]?.bbox.x0 ?? 0, y0: Math.round(l.top * sy), x1: words[words.length - 1]?.bbox.x1 ?? 0, y1: Math.round(l.bottom * sy) };
    return { text: repairCreditCodes(normaliseOcrLine(l.words.map((w) => w.text).join(' '))), confidence: 91.5, bbox, baselineY: Math.round(l.baseline * sy), words };
  });
  return { width, height, dpi: 300, rotation: 0, skewDegrees: 0, lines, text: lines.map((l) => l.text).join('\n'), meanConfidence: 91.5, psm: 4, model: 'fast', seconds: 2 };
}

/** The rectangle a clerk draws over the credit code: its word box padded a little, as fractions of the page. */
function codeRegion(r: Rendering, width: number, height: number): Region {
  const line = r.lines[r.codeLine] as DrawnLine;
  const word = line.words.find((w) => w.text === r.code) as DrawnLine['words'][number];
  const sx = width / Math.round((A4.w * 300) / 72);
  const sy = height / Math.round((A4.h * 300) / 72);
  return { x0: (word.x0 * sx - 6) / width, y0: (line.top * sy - 6) / height, x1: (word.x1 * sx + 6) / width, y1: (line.bottom * sy + 6) / height };
}

async function scans(dir: string): Promise<Buffer[]> {
  execFileSync('pdftoppm', ['-jpeg', '-gray', '-r', '300', '-jpegopt', 'quality=85', path.join(dir, 'pages.pdf'), path.join(dir, 'scan')]);
  const rendered = fs.readdirSync(dir).filter((f) => f.startsWith('scan') && f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  return Array.from({ length: PAGES }, (_, i) => {
    const base = rendered[i % rendered.length] as Buffer;
    const note = Buffer.from(`casebinder bench page ${i + 1}`);
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note]);
    return Buffer.concat([base.subarray(0, 2), com, base.subarray(2)]); // COM right after SOI
  });
}

// ---- the volume -------------------------------------------------------------------------------------------

/** Where volume page i went: its entry, its index in that entry, and (scanned) its size and scan document. */
type Placed = { entryId: number; pageIndex: number; rendering: number; scan: { documentId: number; width: number; height: number } | null };

const isPhoto = (i: number) => i % 10 === 9;
const SIZES = [4, 5, 9, 1, 8, 2, 3, 4]; // pages per scanned document, in turn
const DOC_TYPES: VolumeDocType[] = ['interview', 'evidence', 'notice', 'order'];

type App = Awaited<ReturnType<typeof createAppContext>>;

/**
 * Fixture only (not measured). Scanned pages are stored as 'scans.process' leaves them (scan-process.ts:
 * the file and page blobs, scan_pages 'done', page_texts version 1 with the OCR layout, the search index),
 * grouped into an inbox document of the volume, then filed by the real scans.fileDocument (searchable PDF,
 * volumes.addEntry). Photos are imported entries straight into SQLite.
 */
async function fillVolume(app: App, images: Buffer[], renderings: Rendering[], T: string): Promise<Placed[]> {
  const bureau = app.services.bureaus.city()!.id;
  const batchId = await app.db.write(async (tx) => {
    await tx.run(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '沈阳测试有限公司', ?, ?, ?)`, [bureau, T, T]);
    await tx.run(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, ?, 2026, '食品安全', '计划', ?, ?)`, [bureau, T, T]);
    await tx.run(`INSERT INTO tasks (id, plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, 1, '第一批', ?, '{}', '{}', '{}', '2026-04-01', '2026-06-30', ?, ?)`, [bureau, T, T]);
    await tx.run(`INSERT INTO volumes (id, task_id, target_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (1, 1, 1, ?, ?, '关于对沈阳测试有限公司的双随机抽查检查专卷', 'manual', ?, ?)`, [bureau, bureau, T, T]);
    return (await tx.run(`INSERT INTO scan_batches (bureau_id, source, label, volume_id, created_at) VALUES (?, 'scanner', '专卷扫描', 1, ?)`, [bureau, T])).lastId;
  });
  const placed: Placed[] = [];
  let size = 0;
  let seq = 0;
  let i = 0;
  while (i < PAGES) {
    if (isPhoto(i)) {
      const bytes = images[i] as Buffer;
      const entryId = await app.db.write(async (tx) => {
        const blob = await app.services.blobs.put(tx, bytes, 'image/jpeg');
        return (await tx.run(`INSERT INTO volume_entries (volume_id, source, blob_sha256, media_type, doc_type, title, doc_date, page_count, created_at, updated_at) VALUES (1, 'imported', ?, 'image/jpeg', 'evidence', ?, '2026-04-02', 1, ?, ?)`, [blob.sha256, `现场检查照片 ${i + 1}`, T, T])).lastId;
      });
      placed.push({ entryId, pageIndex: 0, rendering: i % DISTINCT, scan: null });
      i++;
      continue;
    }
    // A scanned document: the next SIZES pages, cut short by a photo.
    const want = SIZES[size++ % SIZES.length] as number;
    const first = i;
    while (i < PAGES && !isPhoto(i) && i - first < want) i++;
    const pages = await Promise.all(images.slice(first, i).map(async (bytes) => (await splitScanFile(bytes)).pages[0]));
    const documentId = await app.db.write(async (tx) => {
      const docType = DOC_TYPES[size % DOC_TYPES.length] as VolumeDocType;
      const { lastId: doc } = await tx.run(`INSERT INTO scan_documents (batch_id, bureau_id, volume_id, doc_type, title, status, created_at, updated_at) VALUES (?, ?, 1, ?, ?, 'inbox', ?, ?)`, [batchId, bureau, docType, `扫描材料 ${first + 1}-${i}`, T, T]);
      for (const [n, page] of pages.entries()) {
        if (page?.kind !== 'image') throw new Error('a JPEG scan did not split into one image page');
        const bytes = images[first + n] as Buffer;
        const file = await app.services.blobs.put(tx, bytes, 'application/octet-stream');
        const { lastId: fileId } = await tx.run(`INSERT INTO scan_files (batch_id, seq, original_name, blob_sha256, media_type, status, page_count) VALUES (?, ?, ?, ?, 'image/jpeg', 'split', 1)`, [batchId, ++seq, `scan-${first + n + 1}.jpg`, file.sha256]);
        const blob = await app.services.blobs.put(tx, page.bytes, page.mediaType);
        const result = ocrResult(renderings[(first + n) % DISTINCT] as Rendering, page.width, page.height);
        // As recognisePage stores a result.
        const layout: StoredLayout = {
          width: result.width,
          height: result.height,
          rotation: 0,
          lines: result.lines.map((l) => ({ text: l.text, bbox: l.bbox, baselineY: l.baselineY, confidence: Math.round(l.confidence), words: l.words.map((w) => ({ text: w.text, confidence: Math.round(w.confidence), bbox: w.bbox })) })),
        };
        const { lastId: pageId } = await tx.run(
          `INSERT INTO scan_pages (batch_id, file_id, file_page, seq, document_id, position, image_sha256, media_type, width, height, dpi, rotation, skew, status, text_source, mean_confidence, flagged) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'done', 'ocr', ?, 0)`,
          [batchId, fileId, seq, doc, n + 1, blob.sha256, page.mediaType, page.width, page.height, page.dpi, result.skewDegrees, result.meanConfidence],
        );
        await tx.run(`INSERT INTO page_texts (page_id, version, source, text, layout, model, psm, confidence, created_at) VALUES (?, 1, 'ocr', ?, ?, ?, ?, ?, ?)`, [pageId, result.text, JSON.stringify(layout), result.model, result.psm, result.meanConfidence, T]);
      }
      await indexDocument(tx, doc);
      return doc;
    });
    const filed = await app.services.scans.fileDocument(actor, { id: documentId, version: 1 }, () => true);
    for (let n = 0; n < i - first; n++) {
      const page = pages[n] as { width: number; height: number };
      placed.push({ entryId: filed.entryId as number, pageIndex: n, rendering: (first + n) % DISTINCT, scan: { documentId, width: page.width, height: page.height } });
    }
  }
  return placed;
}

// ---- checks -------------------------------------------------------------------------------------------------

/** Physical page (1-based) of each volume page in a bound copy, from its manifest. */
async function physicalPages(app: App, table: 'volume_bindings' | 'volume_public_copies', placed: readonly Placed[]): Promise<number[]> {
  const row = await app.db.get<{ manifest: string }>(`SELECT manifest FROM ${table} WHERE volume_id = 1 ORDER BY version DESC LIMIT 1`);
  const manifest = JSON.parse(row!.manifest) as { frontPages: number; entries: { entryId: number; firstPage: number | null }[] };
  const first = new Map(manifest.entries.map((e) => [e.entryId, e.firstPage]));
  return placed.map((p) => manifest.frontPages + (first.get(p.entryId) as number) + p.pageIndex);
}

/** pdftotext of every page (form feeds split the pages). */
const pageTexts = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f').map(squash);

/**
 * Fails loudly unless every rectangle's code is absent from its page in the public copy while the page's
 * title survives, every withheld page shows neither, and the full version has both.
 */
function assertRedacted(label: string, placed: readonly Placed[], renderings: readonly Rendering[], full: { texts: string[]; at: number[] }, pub: { texts: string[]; at: number[] }, rects: ReadonlySet<number>, withheld: ReadonlySet<number>) {
  const problems: string[] = [];
  for (const [i, p] of placed.entries()) {
    if (!rects.has(i) && !withheld.has(i)) continue;
    const r = renderings[p.rendering] as Rendering;
    const f = full.texts[(full.at[i] as number) - 1] ?? '';
    const q = pub.texts[(pub.at[i] as number) - 1] ?? '';
    if (!f.includes(r.code) || !f.includes(r.title)) problems.push(`page ${i + 1}: the full version lacks its text`);
    if (q.includes(r.code) || q.includes(r.code.slice(0, 10))) problems.push(`page ${i + 1}: the public copy still has the code under the ${withheld.has(i) ? 'withheld page' : 'rectangle'}`);
    if (withheld.has(i) ? q.includes(r.title) : !q.includes(r.title)) problems.push(`page ${i + 1}: ${withheld.has(i) ? 'withheld page shows its text' : 'rest of the page lost from the text layer'}`);
  }
  if (problems.length > 0) throw new Error(`${label}: public copy leaks or loses text (${problems.length}):\n  ${problems.slice(0, 10).join('\n  ')}`);
  console.log(`  check (${label}): ${rects.size} rectangle pages lack their code, keep their title; ${withheld.size} withheld pages show neither; full version has both`);
}

// ---- the run ------------------------------------------------------------------------------------------------

type Measured = { seconds: number; peak: number; rssBefore: number; result: { pages: number; size: number; sha256: string; withheldPages?: number } };
type Kind = 'volumes.bind' | 'volumes.bindPublic';

const open = (dataDir: string, create: boolean) => createAppContext({ dataDir, resourcesDir: path.resolve('resources'), platform: createHeadlessPlatform(), create, resumeJobs: false });

/** What a child process does: one bind job, or the steps of a public copy's rebuild one at a time. */
type Task = { kind: Kind } | { kind: 'breakdown'; pages: { sha: string; region: Region }[]; documents: [number, [number, Region[]][]][] };
type Breakdown = { burn: number; plain: number; redacted: number };

/**
 * Child side: the task in a fresh process, as the app runs it, so a job's peak RSS is its own and not what
 * building the fixture or an earlier job left in the heap. Prints the measurement as JSON.
 */
async function child(dataDir: string, task: Task) {
  const app = await open(dataDir, false);
  (globalThis as { gc?: () => void }).gc?.();
  let out: Measured | Breakdown;
  if (task.kind === 'breakdown') {
    // The public copy's per-document work, step by step, one after another as in the job.
    let t = performance.now();
    for (const p of task.pages) await burnRegions(await app.services.blobs.read(p.sha), 0, [p.region]);
    const burn = (performance.now() - t) / 1000;
    t = performance.now();
    for (const [documentId] of task.documents) await app.services.scans.documentPdf(documentId);
    const plain = (performance.now() - t) / 1000;
    t = performance.now();
    for (const [documentId, regions] of task.documents) await app.services.scans.redactedDocumentPdf(documentId, 'bench', new Map(regions));
    out = { burn, plain, redacted: (performance.now() - t) / 1000 };
  } else {
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const started = performance.now();
    const job = await app.services.jobs.start(task.kind, { volumeId: 1, incompleteReason: task.kind === 'volumes.bind' ? 'bench' : null, missing: [], actor }, null);
    await app.services.jobs.idle();
    const seconds = (performance.now() - started) / 1000;
    const peak = Math.max(peakRss, process.memoryUsage().rss);
    const done = await app.services.jobs.get(job.id);
    if (done.state !== 'succeeded') throw new Error(`${task.kind} failed: ${done.errorCode} ${JSON.stringify(done.errorDetails)}`);
    out = { seconds, peak, rssBefore, result: done.result as Measured['result'] };
  }
  await app.close();
  clearInterval(sampler);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Parent side: run the task in a child of this same bundle, with the allocator setting the app starts with (scripts/start.mjs; sharp then uses every core). */
function inChild<T>(dataDir: string, task: Task): T {
  const spec = path.join(dataDir, '..', 'task.json');
  fs.writeFileSync(spec, JSON.stringify(task));
  const res = spawnSync(process.execPath, ['--expose-gc', process.argv[1] as string], { env: { MALLOC_ARENA_MAX: '2', ...process.env, BENCH_CHILD_TASK: spec, BENCH_CHILD_DATA: dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`${task.kind} child exited with ${res.status}`);
  return JSON.parse(res.stdout.trim().split('\n').pop() as string) as T;
}
const measure = (dataDir: string, kind: Kind) => inChild<Measured>(dataDir, { kind });

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-bench-volume-'));
  const dataDir = path.join(dir, 'data');
  const renderings = await paper(dir);
  let images: Buffer[] | null = await scans(dir);
  const imageBytes = images.reduce((s, b) => s + b.length, 0);
  console.log(`${PAGES} JPEG scans at 300 dpi (${DISTINCT} distinct renderings), ${mb(imageBytes)}, ${mb(imageBytes / PAGES)} each`);

  let app = await open(dataDir, true);
  await app.ensureInitialised();
  const filing = performance.now();
  const placed = await fillVolume(app, images, renderings, new Date().toISOString());
  const scanned = placed.filter((p) => p.scan !== null);
  const documents = new Set(scanned.map((p) => p.scan!.documentId)).size;
  console.log(`volume: ${scanned.length} scanned pages in ${documents} filed documents with OCR text, ${PAGES - scanned.length} imported photos (fixture, filed in ${((performance.now() - filing) / 1000).toFixed(1)} s, not measured)`);
  // The page images as stored: the full version carries them byte for byte.
  const shas = await Promise.all(placed.map(async (p) => (p.scan ? (await app.db.get<{ s: string }>('SELECT image_sha256 AS s FROM scan_pages WHERE document_id = ? AND position = ?', [p.scan.documentId, p.pageIndex + 1]))!.s : (await app.db.get<{ s: string }>('SELECT blob_sha256 AS s FROM volume_entries WHERE id = ?', [p.entryId]))!.s)));
  images = null;
  await app.close(); // each job runs in a process of its own (measure)

  const unchangedIn = async (pdf: Buffer, which: (i: number) => boolean) => {
    let n = 0;
    for (const [i, sha] of shas.entries()) if (which(i) && pdf.includes(await app.services.blobs.read(sha))) n++;
    return n;
  };

  const bind = measure(dataDir, 'volumes.bind');
  app = await open(dataDir, false);
  const fullFile = path.join(dir, 'bound.pdf');
  fs.writeFileSync(fullFile, await app.services.blobs.read(bind.result.sha256));
  const bound = Buffer.from(fs.readFileSync(fullFile));
  console.log(`bind (job, incl. blob write + fsync): ${bind.seconds.toFixed(2)} s for ${bind.result.pages} pages (limit 10 s)`);
  console.log(`peak RSS while binding: ${mb(bind.peak)} (process before the job ${mb(bind.rssBefore)}; limit 1024 MB)`);
  console.log(`output: ${mb(bind.result.size)} = ${(bind.result.size / imageBytes).toFixed(3)} × the images (limit 1.1); JPEGs found unchanged: ${await unchangedIn(bound, () => true)}/${PAGES}`);
  const full = { texts: pageTexts(fullFile), at: await physicalPages(app, 'volume_bindings', placed) };

  // Marks as a clerk makes them, through the marking service ('volumes.markNonPublic').
  const withheld = new Set<number>();
  const rects = new Set<number>();
  const mark = (i: number, region: Region | null) => {
    const p = placed[i] as Placed;
    (region ? rects : withheld).add(i);
    return app.services.volumeMarks.mark(actor, { entryId: p.entryId, pageIndex: p.pageIndex, region, reason: region ? 'trade_secret' : 'privacy', note: region ? '统一社会信用代码' : 'bench' }, () => {});
  };
  const regionOf = (i: number) => {
    const p = placed[i] as Placed;
    return codeRegion(renderings[p.rendering] as Rendering, p.scan!.width, p.scan!.height);
  };

  /** One public copy: timed in its own process, then sizes, unchanged JPEGs (none of a burned or withheld page) and the text check. */
  async function publicCopy(label: string) {
    await app.close();
    const run = measure(dataDir, 'volumes.bindPublic');
    app = await open(dataDir, false);
    const file = path.join(dir, `public-${label}.pdf`);
    fs.writeFileSync(file, await app.services.blobs.read(run.result.sha256));
    const pdf = Buffer.from(fs.readFileSync(file));
    const burnedPages = new Set([...rects].filter((i) => !withheld.has(i)));
    const kept = await unchangedIn(pdf, (i) => !withheld.has(i) && !rects.has(i));
    const leaked = await unchangedIn(pdf, (i) => withheld.has(i) || rects.has(i));
    console.log(`public copy, ${label} (job): ${run.seconds.toFixed(2)} s for ${run.result.pages} pages, ${run.result.withheldPages} withheld as placeholders, ${rects.size} regions burned (${burnedPages.size} on shown pages) (limit 20 s)`);
    console.log(`  peak RSS ${mb(run.peak)} (process before the job ${mb(run.rssBefore)}); output ${mb(run.result.size)} = ${(run.result.size / imageBytes).toFixed(3)} × the images; JPEGs found unchanged: ${kept}/${PAGES - withheld.size - burnedPages.size} untouched pages, ${leaked} of the withheld/burned`);
    if (leaked > 0) throw new Error(`${label}: ${leaked} original JPEGs of withheld or burned pages are in the public copy`);
    assertRedacted(label, placed, renderings, full, { texts: pageTexts(file), at: await physicalPages(app, 'volume_public_copies', placed) }, rects, withheld);
    // Where the time goes: the same burns and document rebuilds outside the job, in a process of their own.
    const documents = new Map<number, Map<number, Region[]>>();
    for (const i of rects) {
      const p = placed[i] as Placed;
      documents.set(p.scan!.documentId, (documents.get(p.scan!.documentId) ?? new Map<number, Region[]>()).set(p.pageIndex, [regionOf(i)]));
    }
    await app.close();
    const b = inChild<Breakdown>(dataDir, { kind: 'breakdown', pages: [...rects].map((i) => ({ sha: shas[i] as string, region: regionOf(i) })), documents: [...documents].map(([id, regions]) => [id, [...regions]]) });
    app = await open(dataDir, false);
    console.log(`  breakdown: burnRegions alone ${b.burn.toFixed(2)} s for ${rects.size} pages (${((b.burn / rects.size) * 1000).toFixed(0)} ms each); the ${documents.size} scan PDFs rebuilt without rectangles ${b.plain.toFixed(2)} s, with them (as the job) ${b.redacted.toFixed(2)} s; rest of the job (bind as usual) ≈ ${(run.seconds - b.redacted).toFixed(2)} s`);
    return run;
  }

  // Realistic: every 10th page withheld whole; a rectangle on every 10th page (offset 5, all scanned).
  for (let i = 0; i < PAGES; i++) if (i % 10 === 0) await mark(i, null);
  for (let i = 0; i < PAGES; i++) if (i % 10 === 5 && placed[i]?.scan) await mark(i, regionOf(i));
  await publicCopy('realistic');

  // Worst case: a rectangle on every scanned page (withheld pages are burned too, then replaced).
  for (const [i, p] of placed.entries()) if (p.scan && !rects.has(i)) await mark(i, regionOf(i));
  await publicCopy('worst case');

  // The floor: qpdf merging the same JPEGs wrapped as single-page PDFs (wrapping not timed).
  try {
    const singles: string[] = [];
    for (const [i, sha] of shas.entries()) {
      const bytes = await app.services.blobs.read(sha);
      const doc = await PDFDocument.create();
      const img = await doc.embedJpg(bytes);
      doc.addPage([A4.w, A4.h]).drawImage(img, { x: 0, y: 0, width: A4.w, height: A4.h });
      const file = path.join(dir, `single-${i}.pdf`);
      fs.writeFileSync(file, await doc.save());
      singles.push(file);
    }
    const q = performance.now();
    execFileSync('qpdf', ['--empty', '--pages', ...singles, '--', path.join(dir, 'qpdf.pdf')]);
    const qs = (performance.now() - q) / 1000;
    console.log(`qpdf merge floor: ${qs.toFixed(2)} s, ${mb(fs.statSync(path.join(dir, 'qpdf.pdf')).size)}; bind / qpdf = ${(bind.seconds / qs).toFixed(2)}`);
  } catch (error) {
    console.log(`qpdf merge floor skipped: ${(error as Error).message}`);
  }
  await app.close();
  clearInterval(sampler);
  fs.rmSync(dir, { recursive: true, force: true });
}

const childTask = process.env.BENCH_CHILD_TASK;
(childTask ? child(process.env.BENCH_CHILD_DATA as string, JSON.parse(fs.readFileSync(childTask, 'utf8')) as Task) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
