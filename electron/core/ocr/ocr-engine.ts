import os from 'node:os';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { AppError } from '../../../shared/errors/app-error';
import { decodePage, downscale, measureSkew, prepareForRecognition, rotateQuarter, toPng, type GreyImage } from './page-image';
import { pageResult, type TessPage } from './page-result';
import { prepareTessdata } from './tessdata';
import type { OcrLogger, OcrModel, OcrPageResult, OcrPool, OcrPoolOptions, OcrRecognizeOptions, OcrRotation, OcrTuning } from './ocr-types';

/**
 * The OCR worker pool (issue 6): tesseract.js LSTM workers (chi_sim) created lazily, shared by every
 * caller, each recycled after N pages; one legacy-core OSD worker for orientation, also lazy.
 * Per page: decode → orientation → deskew → preprocessing → recognise (PSM 4, retried as PSM 3 when
 * the mean confidence is low; the better one kept) → lines and words mapped back to the upright page.
 */
const OSD_MIN_CONFIDENCE = 1.5; // tesseract's orientation confidence; below it, rotations are scored by OCR
const DEFAULT_DPI = 300;
const OSD_MAX_SIDE = 1700;
const TARGET_DPI = 300;

type Slot = { worker: Promise<Worker> | null; pages: number };

/**
 * Measured on bench/ocr (tuning corpus, seed 1, 12 pages): PSM 4 (one column, lines of varying size) reads
 * these documents better than PSM 3, which dropped centred titles and file numbers (CER 2.7 % vs 3.8 %).
 * A retry with PSM 3 at < 75 % confidence made a table page worse (11.8 % CER, chosen for its confidence),
 * so the retry is kept only for really poor pages (< 60 %), and must also keep ≥ 90 % of the characters.
 */
export const DEFAULT_TUNING: OcrTuning = { redChannel: true, deskew: true, upscale: true, normalise: true, removeRules: true, psm: 4, retryBelow: 60, retryPsm: 3 };

export function defaultWorkerCount(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}

export function createOcrPool(options: OcrPoolOptions): OcrPool {
  const model: OcrModel = options.model ?? 'fast';
  const size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const recycleAfter = Math.max(1, Math.floor(options.recycleAfterPages ?? 200));
  const log: OcrLogger = options.logger ?? { info: () => {}, warn: () => {}, error: () => {} };
  const tuning: OcrTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, pages: 0 }));
  const idle: Slot[] = [...slots];
  const waiting: { resolve: (slot: Slot) => void; reject: (error: unknown) => void }[] = [];
  let osd: Promise<Worker> | null = null;
  let osdQueue: Promise<unknown> = Promise.resolve();
  let osdPages = 0;
  let osdRecycled = 0;
  let langPath: string | null = null;
  let closed = false;
  let pagesDone = 0;
  let recycled = 0;

  const dataDir = (): string => (langPath ??= prepareTessdata(options.cacheDir, model, ['chi_sim', 'osd']));
  const workerOptions = () => ({
    langPath: dataDir(), gzip: false, cacheMethod: 'none',
    errorHandler: (e: unknown) => log.error('ocr.worker', { error: String(e) }),
  });

  const spawn = async (): Promise<Worker> => {
    const w = await createWorker('chi_sim', OEM.LSTM_ONLY, workerOptions());
    await w.setParameters({ preserve_interword_spaces: '1', debug_file: '/dev/null' });
    return w;
  };

  const acquire = (): Promise<Slot> => {
    if (closed) return Promise.reject(new AppError('OCR_FAILED', { reason: 'pool closed' }));
    const slot = idle.shift();
    return slot ? Promise.resolve(slot) : new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next.resolve(slot);
    else idle.push(slot);
  };
  const dropWorker = async (slot: Slot) => {
    const w = slot.worker;
    slot.worker = null;
    slot.pages = 0;
    if (w) await w.then((x) => x.terminate(), () => undefined).catch(() => undefined);
  };
  const workerOf = (slot: Slot): Promise<Worker> => {
    slot.worker ??= spawn();
    slot.worker.catch(() => { slot.worker = null; });
    return slot.worker;
  };

  const detectOrientation = (png: Buffer): Promise<{ degrees: number; confidence: number } | null> => {
    const run = osdQueue.then(async () => {
      if (closed) throw new Error('pool closed');
      // tesseract's diagnostics ("Detected N diacritics") would go to our stdout: send them to /dev/null
      osd ??= createWorker('osd', OEM.TESSERACT_ONLY, { ...workerOptions(), legacyCore: true, legacyLang: true })
        .then(async (w) => { await w.setParameters({ debug_file: '/dev/null' }); return w; });
      const w = await osd;
      const { data } = await w.detect(png);
      log.info('ocr.osd', { degrees: data.orientation_degrees, confidence: data.orientation_confidence });
      // The OSD worker's heap grows like the others': recycled after as many pages (calls are queued, so
      // no detection is running on it now).
      if (++osdPages >= recycleAfter) {
        osdPages = 0;
        osd = null;
        osdRecycled++;
        await w.terminate().catch(() => undefined);
      }
      return data.orientation_degrees === null ? null : { degrees: data.orientation_degrees, confidence: data.orientation_confidence ?? 0 };
    });
    osdQueue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      log.warn('ocr.osd_failed', { error: String(error) });
      const failed = osd;
      osd = null; // a fresh OSD worker next time; this one is stopped so that no thread is left behind
      failed?.then((w) => w.terminate()).catch(() => undefined);
      return null;
    });
  };

  async function recognizeOn(slot: Slot, png: Buffer, psm: number, dpi: number, signal?: AbortSignal): Promise<TessPage> {
    const w = await workerOf(slot);
    await w.setParameters({ tessedit_pageseg_mode: String(psm) as never, user_defined_dpi: String(dpi) });
    const job = w.recognize(png, {}, { blocks: true, text: true }).then((r) => r.data as unknown as TessPage);
    if (!signal) return job;
    return new Promise<TessPage>((resolve, reject) => {
      const onAbort = () => {
        void dropWorker(slot); // the only way to stop a running recognition
        reject(new AppError('JOB_CANCELLED', { stage: 'recognize' }));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** OSD says how the page is turned; when it is unsure, each rotation is read and the most confident wins. */
  async function orientation(slot: Slot, grey: GreyImage, dpi: number, signal?: AbortSignal): Promise<OcrRotation> {
    // OSD reads character shapes; ~150 dpi is plenty and 4× cheaper than 300 dpi
    const small = await downscale(grey, OSD_MAX_SIDE);
    const osdResult = await detectOrientation(await toPng(small, Math.round((dpi * small.width) / grey.width)));
    // tesseract reports the page's orientation as the clockwise turn that makes it upright (verified: a page
    // turned 90° clockwise is reported as 270)
    const osdRotation = osdResult ? (((Math.round(osdResult.degrees / 90) * 90) % 360) as OcrRotation) : 0;
    if (osdResult && osdResult.confidence >= OSD_MIN_CONFIDENCE) return osdRotation;
    log.info('ocr.orientation_uncertain', { osd: osdResult });
    const probe = await downscale(grey, 1400);
    const candidates: OcrRotation[] = [osdRotation, ...([0, 90, 180, 270] as OcrRotation[]).filter((r) => r !== osdRotation)];
    let best: { r: OcrRotation; score: number } = { r: osdRotation, score: -1 };
    for (const r of candidates) {
      const probeDpi = Math.round((dpi * probe.width) / grey.width);
      const page = await recognizeOn(slot, await toPng(await rotateQuarter(probe, r), probeDpi), 3, probeDpi, signal);
      const score = scorePage(page);
      log.info('ocr.orientation_probe', { rotation: r, score: Math.round(score * 1000) / 1000 });
      if (score > best.score) best = { r, score };
      if (r === osdRotation && score > 0.7) break; // clearly readable as OSD guessed
    }
    return best.r;
  }

  async function recognize(image: Buffer, opts: OcrRecognizeOptions = {}): Promise<OcrPageResult> {
    const started = performance.now();
    const { signal } = opts;
    const checkAbort = () => { if (signal?.aborted) throw new AppError('JOB_CANCELLED', {}); };
    checkAbort();
    const slot = await acquire(); // decoded only when a worker is free: a queue of pages holds no pixels
    try {
      checkAbort();
      const decoded = await decodePage(image, opts.page ?? 0, opts.dpi ?? DEFAULT_DPI, tuning.redChannel);
      const t: Record<string, number> = { decodeAndWait: Math.round(performance.now() - started) };
      const mark = (stage: string) => { t[stage] = Math.round(performance.now() - started - Object.values(t).reduce((a, b) => a + b, 0)); };
      const rotation = await orientation(slot, decoded, decoded.dpi, signal);
      mark('orient');
      const upright = await rotateQuarter(decoded, rotation);
      const skewDegrees = tuning.deskew ? await measureSkew(upright) : 0;
      mark('deskew');
      checkAbort();
      const scale = tuning.upscale && decoded.dpi < 250 ? Math.min(2, TARGET_DPI / decoded.dpi) : 1;
      const dpi = Math.round(decoded.dpi * scale);
      const prep = await prepareForRecognition(upright, { skewDegrees, scale, normalise: tuning.normalise, removeRules: tuning.removeRules, dpi });
      mark('prep');
      let psm = tuning.psm;
      let page = await recognizeOn(slot, prep.png, psm, dpi, signal);
      let conf = meanConfidence(page);
      mark('first');
      if (conf < tuning.retryBelow) {
        const alt = await recognizeOn(slot, prep.png, tuning.retryPsm, dpi, signal);
        const altConf = meanConfidence(alt);
        log.info('ocr.psm_retry', { first: conf, retry: altConf });
        if (altConf > conf + 5 && charCount(alt) >= 0.9 * charCount(page)) { page = alt; psm = tuning.retryPsm; conf = altConf; }
        mark('retry');
      }
      log.info('ocr.page', { ms: t, rotation, skewDegrees, psm, conf });
      slot.pages++;
      pagesDone++;
      const result = pageResult(page, prep.frame, { dpi: decoded.dpi, rotation, skewDegrees: prep.frame.skewDegrees, psm, model, seconds: (performance.now() - started) / 1000 });
      return result;
    } catch (error) {
      if (error instanceof AppError) throw error;
      await dropWorker(slot); // a failed worker may be in any state: start a fresh one next time
      throw new AppError('OCR_FAILED', { reason: String((error as Error)?.message ?? error) }, { cause: error });
    } finally {
      if (slot.pages >= recycleAfter) {
        recycled++;
        await dropWorker(slot);
      }
      release(slot);
    }
  }

  return {
    recognize,
    stats: () => ({ workers: slots.filter((s) => s.worker !== null).length, pagesDone, recycled, osdRecycled }),
    /** Terminates every worker (awaited). Pages still waiting for a worker fail with OCR_FAILED. */
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new AppError('OCR_FAILED', { reason: 'pool closed' }));
      const all = slots.map((s) => dropWorker(s));
      const o = osd;
      osd = null;
      if (o) all.push(o.then((w) => w.terminate(), () => undefined).then(() => undefined, () => undefined));
      await Promise.all(all);
    },
  };
}

/** Mean word confidence weighted by characters (0–100). */
export function meanConfidence(page: TessPage): number {
  let sum = 0, n = 0;
  for (const b of page.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) for (const w of l.words) {
    const len = Array.from(w.text.trim()).length;
    sum += w.confidence * len;
    n += len;
  }
  return n === 0 ? 0 : sum / n;
}

function charCount(page: TessPage): number {
  let n = 0;
  for (const b of page.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) for (const w of l.words) n += Array.from(w.text.trim()).length;
  return n;
}

/**
 * For choosing a rotation: confident characters in horizontal lines, relative to a readable page (0..~1).
 * A page turned by 90° reads as vertical Chinese text (chi_sim reads columns too), sometimes more confidently
 * than the upright reading of the same page (bench/ocr: 0.80 sideways vs 0.76 upright on a form in a Kai
 * typeface); these documents are set horizontally, so characters of a line taller than it is wide count
 * against the rotation, never for it.
 */
function scorePage(page: TessPage): number {
  let good = 0, all = 0;
  for (const b of page.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) {
    const chars = l.words.reduce((n, w) => n + Array.from(w.text.trim()).length, 0);
    const vertical = chars > 1 && l.bbox.y1 - l.bbox.y0 > l.bbox.x1 - l.bbox.x0;
    for (const w of l.words) {
      const len = Array.from(w.text.trim()).length;
      all += len;
      if (w.confidence >= 70 && !vertical) good += len;
    }
  }
  return all === 0 ? 0 : (good / all) * Math.min(1, all / 30);
}
