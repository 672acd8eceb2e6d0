import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { OcrModel } from './ocr-types';

/**
 * Offline language data for tesseract.js. Sources, first found wins:
 *  1. the packaged app: `<process.resourcesPath>/tessdata/<model>/<lang>.traineddata[.gz]`, or
 *     `<resourcesPath>/tessdata/<lang>/<lang>.traineddata.gz` (electron-builder's extraResources layout);
 *  2. the `@tesseract.js-data/<lang>` packages (`4.0.0_best_int` = fast, `4.0.0` = accurate), resolved
 *     like `require.resolve`, so it also works from an esbuild bundle with packages external.
 * The data is gunzipped once into `<cacheDir>/tessdata/<model>/` (written to a temp name, then renamed) and
 * workers read it with `gzip:false, cacheMethod:'none'`: nothing is written into the cwd, nothing fetched.
 */
export type TessLang = 'chi_sim' | 'osd';

const PACKAGE_DIR: Record<OcrModel, string> = { fast: '4.0.0_best_int', accurate: '4.0.0' };

function packageCandidates(lang: TessLang, model: OcrModel): string[] {
  const req = createRequire(__filename);
  try {
    const root = path.dirname(req.resolve(`@tesseract.js-data/${lang}/package.json`));
    // osd is a legacy model: both folders hold the same data; prefer the model's, then the other.
    const dirs = lang === 'osd' ? ['4.0.0', '4.0.0_best_int'] : [PACKAGE_DIR[model]];
    return dirs.map((d) => path.join(root, d, `${lang}.traineddata.gz`));
  } catch {
    return [];
  }
}

function resourceCandidates(lang: TessLang, model: OcrModel): string[] {
  const res = (process as { resourcesPath?: string }).resourcesPath;
  if (!res) return [];
  const base = path.join(res, 'tessdata');
  const list = [path.join(base, model, `${lang}.traineddata`), path.join(base, model, `${lang}.traineddata.gz`)];
  // electron-builder.yml copies the fast chi_sim model to tessdata/chi_sim/ (and osd to tessdata/osd/ once added)
  if (model === 'fast' || lang === 'osd') list.push(path.join(base, lang, `${lang}.traineddata.gz`));
  return list;
}

/** Path of the (possibly gzipped) source data for a language and model; throws when none is installed. */
export function findTessdataSource(lang: TessLang, model: OcrModel): string {
  const candidates = [...resourceCandidates(lang, model), ...packageCandidates(lang, model)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`tesseract language data not found for ${lang} (${model}); looked in: ${candidates.join(', ') || '(no candidates)'}`);
  return found;
}

/**
 * Directory to use as `langPath` (with `gzip:false`) holding `<lang>.traineddata` for every requested
 * language. Decompresses on first use; later calls only stat the files.
 */
export function prepareTessdata(cacheDir: string, model: OcrModel, langs: readonly TessLang[]): string {
  const dir = path.join(cacheDir, 'tessdata', model);
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of langs) {
    const target = path.join(dir, `${lang}.traineddata`);
    const source = findTessdataSource(lang, model);
    const stamp = `${target}.source`;
    const srcStat = fs.statSync(source);
    const expect = `${source}\n${srcStat.size}\n${srcStat.mtimeMs}`;
    if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === expect) continue;
    const raw = fs.readFileSync(source);
    const data = raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw;
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target); // atomic: a concurrent reader sees the old or the new file, never half
    fs.writeFileSync(stamp, expect);
  }
  return dir;
}
