// OCR quality, speed and memory on degraded Chinese administrative scans (issue 6).
// Generates its own corpus: A4 pages at 300 and 200 dpi — notices, forms (with 统一社会信用代码 and other
// Latin/digit fields), ruled tables, notices under a red seal — rendered with CJK fonts the app does NOT
// ship (Debian fonts-arphic-*, fonts-noto-cjk, fonts-wqy-zenhei), skewed ±2.5°, blurred, noised, shaded,
// JPEG-compressed, some turned 90°/180°; the ground truth is the exact text drawn (seal text excluded).
// Prints CER (whitespace removed, NFKC, punctuation folded) overall and per kind, pages/s with 1 and 2
// workers, the pool process's peak RSS (each pool runs in a child process reading the pages from disk),
// and the same pages through Debian's native `tesseract` when installed.
// Usage: npm run bench -- ocr
//   env: PAGES=20 SEED=1 HELDOUT=1 (other seed range and fonts; never tune against it) MODEL=fast|accurate
//        WORKERS=1,2 (pool sizes to time) NATIVE=0 (skip native tesseract) LEVERS=normalise=0,upscale=0,…
//        KEEP=1 (keep the corpus folder and print its path)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createOcrPool } from '../electron/core/ocr/ocr-engine';
import { characterErrorRate, cerNormalise, editDistance } from '../electron/core/ocr/text-normalise';
import type { OcrModel, OcrTuning } from '../electron/core/ocr/ocr-types';

const PAGES = Number(process.env.PAGES ?? 20);
const HELDOUT = process.env.HELDOUT === '1';
const SEED = Number(process.env.SEED ?? (HELDOUT ? 900_001 : 1));
const MODEL = (process.env.MODEL ?? 'fast') as OcrModel;
const WORKERS = (process.env.WORKERS ?? '1,2').split(',').map(Number).filter((n) => n > 0);
const TUNING: Partial<OcrTuning> = Object.fromEntries((process.env.LEVERS ?? '').split(',').filter(Boolean).map((kv) => {
  const [k, v] = kv.split('=');
  return [k, ['retryBelow', 'psm', 'retryPsm'].includes(k as string) ? Number(v) : v !== '0'];
}));
// Training fonts vs held-out fonts: a held-out corpus differs in seed AND typefaces.
const FONTS = HELDOUT ? ['Noto Serif CJK SC', 'WenQuanYi Zen Hei', 'AR PL UKai TW'] : ['AR PL UMing CN', 'Noto Sans CJK SC', 'AR PL UKai CN'];

type Kind = 'notice' | 'form' | 'table' | 'seal';
type Page = { id: string; kind: Kind; dpi: number; font: string; rotation: number; skew: number; truth: string; file: string; bytes: Buffer };

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0), (s ^ (s >>> 13)) / 4294967296 + 0.5) % 1;
}
const pick = <T>(r: () => number, xs: ArrayLike<T>): T => xs[Math.floor(r() * xs.length)] as T;

const SUBJECTS = ['市场监督管理局', '食品经营企业', '检查人员', '被检查单位', '各区县分局', '执法大队', '检验检测机构', '药品零售企业', '特种设备使用单位', '生产企业'];
const VERBS = ['应当按照', '依法开展', '认真落实', '及时报送', '严格执行', '组织实施', '全面核查', '督促整改', '如实记录', '统一部署'];
const OBJECTS = ['双随机抽查工作', '监督检查计划', '产品质量抽检', '食品安全管理制度', '检查结果公示', '进货查验记录', '从业人员健康证明', '整改报告', '行政处罚决定', '许可证有效期限'];
const TAILS = ['，确保工作取得实效。', '，并于规定时间内完成。', '。', '，不得漏报、瞒报。', '，相关材料存档备查。', '，发现问题依法处理。'];
const NAMES = ['沈阳市明远食品有限公司', '大连海通贸易有限公司', '鞍山市恒达药房', '抚顺北方机械制造厂', '锦州新华超市有限公司', '营口港湾物流有限公司'];
const PEOPLE = ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨帆', '赵磊', '周敏'];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const sentence = (r: () => number) => pick(r, SUBJECTS) + pick(r, VERBS) + pick(r, OBJECTS) + pick(r, TAILS);
const uscc = (r: () => number) => '91' + Array.from({ length: 16 }, () => pick(r, USCC_CHARS)).join('');
const date = (r: () => number) => `2026年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`;
const phone = (r: () => number) => `024-${Math.floor(20000000 + r() * 79999999)}`;

/** Width of a string in em (CJK full width, Latin/digits ~0.55). */
const emWidth = (t: string) => Array.from(t).reduce((w, c) => w + (/[\u0000-\u00ff]/.test(c) ? 0.55 : 1), 0);

function wrap(text: string, maxEm: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const c of Array.from(text)) {
    if (emWidth(line + c) > maxEm) { out.push(line); line = ''; }
    line += c;
  }
  if (line) out.push(line);
  return out;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** SVG of one page and its exact text lines. */
function layout(kind: Kind, r: () => number, dpi: number, font: string): { svg: string; lines: string[]; seal: { cx: number; cy: number } | null } {
  const W = Math.round(8.27 * dpi), H = Math.round(11.69 * dpi);
  const pt = kind === 'table' ? 10.5 : pick(r, [10.5, 12, 14]);
  const px = (pt / 72) * dpi;
  const margin = Math.round(dpi * 0.9);
  const maxEm = Math.floor((W - 2 * margin) / px);
  const lines: string[] = [];
  const els: string[] = [];
  let y = margin + px * 1.5;
  const text = (t: string, x: number, size = px, anchor = 'start') => {
    els.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${font}" font-size="${size.toFixed(1)}" text-anchor="${anchor}">${esc(t)}</text>`);
    lines.push(t);
  };
  const title = kind === 'form' ? '行政检查登记表' : kind === 'table' ? '双随机抽查结果汇总表' : pick(r, ['关于开展食品安全监督抽查的通知', '责令改正通知书', '行政检查告知书', '关于公布抽查结果的公告']);
  text(title, W / 2, px * 1.5, 'middle');
  y += px * 2.5;
  if (kind === 'notice' || kind === 'seal') {
    text(`${pick(r, ['沈市监', '辽市监', '大市监'])}〔2026〕${1 + Math.floor(r() * 99)}号`, W / 2, px, 'middle');
    y += px * 2;
    text(`${pick(r, NAMES)}：`, margin);
    y += px * 1.8;
    const paras = 3 + Math.floor(r() * 3);
    for (let p = 0; p < paras && y < H - margin - px * 8; p++) {
      let para = '';
      const n = 2 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) para += sentence(r);
      if (r() < 0.4) para += `统一社会信用代码：${uscc(r)}。`;
      if (r() < 0.3) para += `联系电话：${phone(r)}，邮箱：jcdd${Math.floor(r() * 90 + 10)}@scjg.gov.cn。`;
      for (const [i, l] of wrap(para, maxEm - 2).entries()) {
        if (y > H - margin - px * 6) break;
        text(l, margin + (i === 0 ? 2 * px : 0));
        y += px * 1.8;
      }
    }
    y += px;
    text(pick(r, ['沈阳市市场监督管理局', '辽宁省市场监督管理局', '大连市市场监督管理局']), W - margin, px, 'end');
    y += px * 1.8;
    text(date(r), W - margin, px, 'end');
    return { svg: svgDoc(W, H, els), lines, seal: kind === 'seal' ? { cx: W - margin - px * 5, cy: y - px * 2 } : null };
  }
  if (kind === 'form') {
    const fields: [string, string][] = [
      ['检查对象', pick(r, NAMES)], ['统一社会信用代码', uscc(r)], ['住所', `和平区南京北街${1 + Math.floor(r() * 300)}号`],
      ['法定代表人', pick(r, PEOPLE)], ['联系电话', phone(r)], ['检查日期', date(r)], ['检查人员', `${pick(r, PEOPLE)}、${pick(r, PEOPLE)}`],
      ['执法证号', `LN${Math.floor(r() * 9e7 + 1e7)}`], ['检查事项', pick(r, OBJECTS)], ['检查结果', pick(r, ['未发现问题', '发现问题，已责令改正', '未发现问题，已告知'])],
    ];
    for (const [k, v] of fields) {
      text(`${k}：${v}`, margin);
      els.push(`<line x1="${margin + px * (emWidth(k) + 1)}" y1="${(y + px * 0.3).toFixed(1)}" x2="${W - margin}" y2="${(y + px * 0.3).toFixed(1)}" stroke="#000" stroke-width="${(dpi / 200).toFixed(1)}"/>`);
      y += px * 2.4;
    }
    for (const l of wrap('检查情况说明：' + sentence(r) + sentence(r) + sentence(r), maxEm)) { text(l, margin); y += px * 1.8; }
    return { svg: svgDoc(W, H, els), lines, seal: null };
  }
  // ruled table: 序号 | 检查对象 | 统一社会信用代码 | 结果
  const cols = [2.5, 12, 13, 6].map((c) => c * px * 1.05);
  const x0 = margin;
  const rowH = px * 2.2;
  const rows = [['序号', '检查对象', '统一社会信用代码', '检查结果'], ...Array.from({ length: 14 }, (_, i) => [String(i + 1), pick(r, NAMES), uscc(r), pick(r, ['合格', '不合格', '已整改', '未发现问题'])])];
  const top = y - px * 1.4;
  for (const row of rows) {
    let x = x0;
    for (const [c, cell] of row.entries()) {
      els.push(`<text x="${(x + px * 0.4).toFixed(1)}" y="${y.toFixed(1)}" font-family="${font}" font-size="${px.toFixed(1)}">${esc(cell as string)}</text>`);
      x += cols[c] as number;
    }
    lines.push(row.join(' '));
    y += rowH;
  }
  const sw = (dpi / 150).toFixed(1);
  const totalW = cols.reduce((a, b) => a + b, 0);
  for (let i = 0; i <= rows.length; i++) els.push(`<line x1="${x0}" y1="${(top + i * rowH).toFixed(1)}" x2="${(x0 + totalW).toFixed(1)}" y2="${(top + i * rowH).toFixed(1)}" stroke="#000" stroke-width="${sw}"/>`);
  let x = x0;
  for (let c = 0; c <= cols.length; c++) { els.push(`<line x1="${x.toFixed(1)}" y1="${top.toFixed(1)}" x2="${x.toFixed(1)}" y2="${(top + rows.length * rowH).toFixed(1)}" stroke="#000" stroke-width="${sw}"/>`); x += cols[c] ?? 0; }
  return { svg: svgDoc(W, H, els), lines, seal: null };
}

const svgDoc = (W: number, H: number, els: string[]) => `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fff"/>${els.join('')}</svg>`;

function sealSvg(W: number, H: number, cx: number, cy: number, dpi: number, font: string): string {
  const R = dpi * 0.8;
  const red = '#d42a1e';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><path id="arc" d="M ${cx - R * 0.78} ${cy} A ${R * 0.78} ${R * 0.78} 0 1 1 ${cx + R * 0.78} ${cy}"/></defs>
    <circle cx="${cx}" cy="${cy}" r="${R}" fill="none" stroke="${red}" stroke-width="${dpi * 0.045}" opacity="0.85"/>
    <text font-family="${font}" font-size="${R * 0.22}" fill="${red}" opacity="0.85"><textPath href="#arc" startOffset="50%" text-anchor="middle">沈阳市市场监督管理局</textPath></text>
    <polygon points="${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => { const a = -Math.PI / 2 + (i * Math.PI) / 5; const rr = i % 2 ? R * 0.13 : R * 0.32; return `${cx + rr * Math.cos(a)},${cy + rr * Math.sin(a)}`; }).join(' ')}" fill="${red}" opacity="0.85"/></svg>`;
}

/** Renders, then degrades like a scanner: skew, blur, noise, shading, JPEG; sometimes turned 90/180°. */
async function renderPage(i: number, kind: Kind, r: () => number, dir: string): Promise<Page> {
  const dpi = r() < 0.4 ? 200 : 300;
  const font = pick(r, FONTS);
  const { svg, lines, seal } = layout(kind, r, dpi, font);
  let base = sharp(Buffer.from(svg)).flatten({ background: '#fff' });
  const { width: W, height: H } = await sharp(Buffer.from(svg)).metadata();
  if (seal) base = sharp(await base.png().toBuffer()).composite([{ input: Buffer.from(sealSvg(W!, H!, seal.cx, seal.cy, dpi, font)), blend: 'multiply' }]);
  const colour = kind === 'seal' || r() < 0.3;
  let { data, info } = await (colour ? base.removeAlpha() : base.greyscale()).raw().toBuffer({ resolveWithObject: true });
  // paper tint, edge shadow and noise
  const ch = info.channels, shadow = r() < 0.3 ? 60 + r() * 50 : 0, noise = 6 + r() * 20;
  const tint = colour ? [0, 4, 14] : [0];
  let ns = Math.floor(r() * 2 ** 31) | 1; // pixel noise from a cheap LCG seeded by the page's generator
  const lcg = () => ((ns = (Math.imul(ns, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
  for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) {
    const edge = shadow ? shadow * Math.max(0, 1 - x / (info.width * 0.06)) : 0;
    for (let c = 0; c < ch; c++) {
      const k = (y * info.width + x) * ch + c;
      const n = (lcg() + lcg() - 1) * noise;
      data[k] = Math.max(0, Math.min(255, (data[k] as number) - (tint[c] ?? 0) - edge + n));
    }
  }
  const skew = Math.round((r() * 5 - 2.5) * 10) / 10;
  let img = sharp(data, { raw: { width: info.width, height: info.height, channels: ch } }).rotate(skew, { background: colour ? '#f4efe2' : '#f0f0f0' });
  const blur = r() < 0.5 ? 0.4 + r() * 0.8 : 0;
  if (blur) img = img.blur(blur);
  const rotation = r() < 0.15 ? pick(r, [90, 180]) : 0;
  ({ data, info } = await img.raw().toBuffer({ resolveWithObject: true }));
  let out = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  if (rotation) out = out.rotate(rotation);
  const bytes = await out.withMetadata({ density: dpi }).jpeg({ quality: Math.round(55 + r() * 30) }).toBuffer();
  const id = `p${String(i + 1).padStart(3, '0')}-${kind}-${dpi}`;
  const file = path.join(dir, `${id}.jpg`);
  fs.writeFileSync(file, bytes);
  return { id, kind, dpi, font, rotation, skew, truth: lines.join('\n'), file, bytes };
}

const cjkFonts = (): string[] => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).split('\n').flatMap((l) => l.split(',')).map((s) => s.trim()).filter(Boolean);
  } catch {
    return [];
  }
};

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function cerOf(pages: Page[], texts: Map<string, string>): number {
  let edits = 0, chars = 0;
  for (const p of pages) {
    const t = cerNormalise(p.truth);
    edits += editDistance(t, cerNormalise(texts.get(p.id) ?? ''));
    chars += Array.from(t).length;
  }
  return chars ? edits / chars : 0;
}

async function main() {
  const installed = cjkFonts();
  const fonts = FONTS.filter((f) => installed.includes(f));
  if (fonts.length < FONTS.length) {
    console.log(`CJK fonts missing: ${FONTS.filter((f) => !installed.includes(f)).join(', ') || '-'}. Install them with:\n  apt-get install -y fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk fonts-wqy-zenhei`);
    if (fonts.length === 0) { clearInterval(sampler); process.exitCode = 2; return; }
    FONTS.splice(0, FONTS.length, ...fonts);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-bench-ocr-'));
  const r = rng(SEED);
  const kinds: Kind[] = ['notice', 'form', 'table', 'seal'];
  const started = performance.now();
  const pages: Page[] = [];
  for (let i = 0; i < PAGES; i++) pages.push(await renderPage(i, kinds[i % kinds.length] as Kind, r, dir));
  console.log(`corpus: ${PAGES} pages (${HELDOUT ? 'HELD-OUT' : 'tuning'} seed ${SEED}; fonts ${FONTS.join(', ')}), rendered in ${((performance.now() - started) / 1000).toFixed(1)} s, ${mb(pages.reduce((s, p) => s + p.bytes.length, 0))} of JPEG`);
  console.log(`model ${MODEL}${Object.keys(TUNING).length ? `, levers ${JSON.stringify(TUNING)}` : ''}`);
  // Each pool runs in a child process that reads the pages from disk as a batch job does (one page per
  // free worker), so its peak RSS is the pool's and not this process's corpus rendering.
  const listFile = path.join(dir, 'pages.json');
  fs.writeFileSync(listFile, JSON.stringify(pages.map((p) => ({ id: p.id, file: p.file }))));
  let texts = new Map<string, string>();
  const perPage: string[] = [];
  for (const n of WORKERS) {
    const outFile = path.join(dir, `results-${n}.json`);
    // As `npm start` runs the app (scripts/start.mjs): glibc malloc limited to 2 arenas. To compare with
    // glibc's default: `MALLOC_ARENA_MAX=16 npm run bench -- ocr`.
    const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', OCR_POOL_CHILD: '1', OCR_POOL_WORKERS: String(n), OCR_POOL_LIST: listFile, OCR_POOL_OUT: outFile };
    const child = spawnSync(process.execPath, [process.argv[1] as string], { stdio: 'inherit', env });
    if (child.status !== 0) throw new Error(`pool child (${n} workers) exited with ${child.status}`);
    const run = JSON.parse(fs.readFileSync(outFile, 'utf8')) as ChildRun;
    const byId = new Map(run.results.map((r) => [r.id, r]));
    texts = new Map(run.results.map((r) => [r.id, r.text]));
    if (process.env.KEEP === '1') for (const p of pages) { fs.writeFileSync(p.file.replace(/\.jpg$/, '.truth.txt'), p.truth); fs.writeFileSync(p.file.replace(/\.jpg$/, `.hyp${n}.txt`), texts.get(p.id) ?? ''); }
    if (perPage.length === 0) for (const p of pages) {
      const res = byId.get(p.id);
      perPage.push(`  ${p.id.padEnd(18)} ${p.font.padEnd(18)} rot ${String(p.rotation).padStart(3)}→${String(res?.rotation ?? '-').padStart(3)}  skew ${p.skew.toFixed(1).padStart(4)}→${(res?.skewDegrees ?? 0).toFixed(2).padStart(5)}  psm ${res?.psm ?? '-'}  conf ${(res?.meanConfidence ?? 0).toFixed(0).padStart(3)}  CER ${pct(characterErrorRate(p.truth, res?.text ?? ''))}`);
    }
    const rotOk = pages.filter((p) => { const res = byId.get(p.id); return res && res.rotation !== null && (res.rotation + p.rotation) % 360 === 0; }).length;
    console.log(`${n} worker${n > 1 ? 's' : ''} (load average ${run.load.map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores): ${PAGES} pages in ${run.seconds.toFixed(1)} s = ${(PAGES / run.seconds).toFixed(3)} pages/s; CER ${pct(cerOf(pages, texts))}; orientation right on ${rotOk}/${PAGES}; pool process peak RSS ${mb(run.peakRss)} (VmHWM, MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX}; ${mb(run.startRss)} before the pool); ${JSON.stringify(run.stats)}`);
    (globalThis as { pagesPerSecond?: Record<number, number> }).pagesPerSecond = { ...(globalThis as { pagesPerSecond?: Record<number, number> }).pagesPerSecond, [n]: PAGES / run.seconds };
  }
  const pps = (globalThis as { pagesPerSecond?: Record<number, number> }).pagesPerSecond ?? {};
  if (pps[1] && pps[2]) console.log(`pool scaling 1 → 2 workers: ${(pps[2] / pps[1]).toFixed(2)}×`);
  console.log('\nper kind (casebinder):');
  for (const k of kinds) for (const dpi of [300, 200]) {
    const sel = pages.filter((p) => p.kind === k && p.dpi === dpi);
    if (sel.length) console.log(`  ${k.padEnd(7)} ${dpi} dpi: ${String(sel.length).padStart(3)} pages, CER ${pct(cerOf(sel, texts))}`);
  }
  console.log('\nper page:\n' + perPage.join('\n'));
  native(pages);
  if (process.env.KEEP === '1') console.log(`corpus kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  clearInterval(sampler);
}

/** Debian's tesseract on the same JPEGs: chi_sim, PSM 3, one thread per process (OMP_THREAD_LIMIT=1). */
function native(pages: Page[]) {
  if (process.env.NATIVE === '0') return;
  const probe = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (probe.error || !`${probe.stdout}`.includes('chi_sim')) {
    console.log('\nnative tesseract: not installed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim)');
    return;
  }
  const texts = new Map<string, string>();
  const t0 = performance.now();
  for (const p of pages) {
    const res = spawnSync('tesseract', [p.file, '-', '-l', 'chi_sim', '--psm', '3'], { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    texts.set(p.id, res.stdout ?? '');
  }
  const secs = (performance.now() - t0) / 1000;
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const upright = pages.filter((p) => p.rotation === 0);
  console.log(`\nnative ${version} (chi_sim --psm 3, OMP_THREAD_LIMIT=1, 1 process): CER ${pct(cerOf(pages, texts))} (upright pages only: ${pct(cerOf(upright, texts))}), ${(pages.length / secs).toFixed(3)} pages/s`);
  for (const k of ['notice', 'form', 'table', 'seal'] as Kind[]) {
    const sel = pages.filter((p) => p.kind === k);
    if (sel.length) console.log(`  ${k.padEnd(7)}: CER ${pct(cerOf(sel, texts))}`);
  }
}

type ChildRun = {
  seconds: number; peakRss: number; startRss: number; load: number[]; stats: object;
  results: { id: string; text: string; rotation: number | null; skewDegrees: number; psm: number | null; meanConfidence: number }[];
};

/** Peak resident set of this process so far (Linux VmHWM), else the sampled peak. */
function highWaterMark(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Math.max(peakRss, Number(kb) * 1024) : peakRss;
  } catch {
    return peakRss;
  }
}

/** The pool in its own process: pages read from disk one per free worker, as the scans.process job feeds it. */
async function childMain() {
  const n = Number(process.env.OCR_POOL_WORKERS);
  const list = JSON.parse(fs.readFileSync(process.env.OCR_POOL_LIST as string, 'utf8')) as { id: string; file: string }[];
  const startRss = process.memoryUsage().rss;
  const pool = createOcrPool({ workers: n, model: MODEL, cacheDir: path.join(os.tmpdir(), 'casebinder-ocr-cache'), tuning: TUNING, recycleAfterPages: 100, ...(process.env.DEBUG ? { logger: { info: (m: string, c?: object) => console.log(m, JSON.stringify(c)), warn: (m: string, c?: object) => console.log(m, JSON.stringify(c)), error: (m: string, c?: object) => console.log(m, JSON.stringify(c)) } } : {}) });
  await pool.recognize(fs.readFileSync(list[0]!.file)); // warm-up: workers and OSD created, data unpacked (not timed)
  const results: ChildRun['results'] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    for (let i = next++; i < list.length; i = next++) {
      const item = list[i]!;
      const res = await pool.recognize(fs.readFileSync(item.file)).catch(() => null);
      results.push({ id: item.id, text: res?.text ?? '', rotation: res?.rotation ?? null, skewDegrees: res?.skewDegrees ?? 0, psm: res?.psm ?? null, meanConfidence: res?.meanConfidence ?? 0 });
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const stats = pool.stats();
  await pool.close();
  const run: ChildRun = { seconds, peakRss: highWaterMark(), startRss, load: os.loadavg(), stats, results };
  fs.writeFileSync(process.env.OCR_POOL_OUT as string, JSON.stringify(run));
  clearInterval(sampler);
}

(process.env.OCR_POOL_CHILD === '1' ? childMain() : main()).catch((error: unknown) => {
  clearInterval(sampler);
  console.error(error);
  process.exitCode = 1;
});
