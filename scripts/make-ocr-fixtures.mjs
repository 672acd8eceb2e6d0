// Generates the small OCR test fixtures under test/fixtures/ocr/ (committed; run again only to change them):
//   node scripts/make-ocr-fixtures.mjs
// Pages are SVG text rendered by sharp/librsvg with the app's own font (resources/fonts/wqy-microhei.ttf,
// made visible to fontconfig through a temporary fonts.conf), at 300 dpi, grey, lightly noised.
// Each image has <name>.truth.txt beside it (the exact text drawn, one line per text line).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test', 'fixtures', 'ocr');
const fontDir = path.join(root, 'resources', 'fonts');
const conf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-fixtures-')), 'fonts.conf');
fs.writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${fontDir}</dir><cachedir>${path.dirname(conf)}</cachedir></fontconfig>`);
process.env.FONTCONFIG_FILE = conf; // before librsvg initialises fontconfig
const { default: sharp } = await import('sharp');

const FAMILY = 'WenQuanYi Micro Hei';
const PAGE_A = [
  '关于开展食品安全监督抽查的通知',
  '各区市场监督管理局：',
  '根据年度抽查计划，现将有关事项通知如下。',
  '统一社会信用代码：91330100MA2B3C4D5E',
  '检查时间为2026年4月1日至6月30日。',
  '请各单位按时报送检查结果。',
];
const PAGE_B = [
  '行政检查登记表',
  '检查对象：沈阳市明远食品有限公司',
  '检查地点：和平区南京北街100号',
  '检查人员：张伟、李娜',
  '联系电话：024-23456789',
];

function svg(lines, width, height) {
  const size = 44; // ≈ 10.5 pt at 300 dpi
  const text = lines.map((l, i) => `<text x="90" y="${130 + i * 88}" font-family="${FAMILY}" font-size="${i === 0 ? 56 : size}">${l}</text>`).join('');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`);
}

/** Grey page with mild sensor noise (deterministic). */
async function page(lines, width = 1240, height = 700, noise = true) {
  const { data, info } = await sharp(svg(lines, width, height)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let seed = 12345;
  for (let i = 0; noise && i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = Math.max(0, Math.min(255, data[i] - 4 + (seed % 9)));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
}

fs.mkdirSync(out, { recursive: true });
const write = async (name, s, lines) => {
  const file = path.join(out, name);
  await s.toFile(file);
  fs.writeFileSync(file.replace(/\.[a-z]+$/, '.truth.txt'), lines.join('\n') + '\n');
  console.log(`${name}: ${fs.statSync(file).size} bytes`);
};
const raw = async (s) => { const { data, info } = await s.raw().toBuffer({ resolveWithObject: true }); return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }); };

await write('scan-upright.png', (await page(PAGE_A)).withMetadata({ density: 300 }).png({ compressionLevel: 9 }), PAGE_A);
await write('scan-skewed-2deg.jpg', (await raw((await page(PAGE_A)).rotate(2, { background: '#fff' }))).withMetadata({ density: 300 }).jpeg({ quality: 80 }), PAGE_A);
await write('scan-rotated-90.png', (await raw((await page(PAGE_B)).rotate(90))).withMetadata({ density: 300 }).png({ compressionLevel: 9 }), PAGE_B);
await write('scan-rotated-180.png', (await raw((await page(PAGE_A)).rotate(180))).withMetadata({ density: 300 }).png({ compressionLevel: 9 }), PAGE_A);

// Two-page TIFF (as a scanner's feeder writes it; clean pages, so that deflate keeps it small).
const a = await (await page(PAGE_A, 1240, 700, false)).png().toBuffer();
const b = await (await page(PAGE_B, 1240, 700, false)).png().toBuffer();
await sharp([a, b], { join: { animated: true } }).greyscale().withMetadata({ density: 300 }).tiff({ compression: 'deflate', predictor: 'horizontal' }).toFile(path.join(out, 'scan-two-pages.tif'));
fs.writeFileSync(path.join(out, 'scan-two-pages-p1.truth.txt'), PAGE_A.join('\n') + '\n');
fs.writeFileSync(path.join(out, 'scan-two-pages-p2.truth.txt'), PAGE_B.join('\n') + '\n');
console.log(`scan-two-pages.tif: ${fs.statSync(path.join(out, 'scan-two-pages.tif')).size} bytes, pages ${(await sharp(path.join(out, 'scan-two-pages.tif')).metadata()).pages}`);

// A JPEG cut off after its first 3 KB (what an interrupted copy from a scanner leaves).
const full = await (await page(PAGE_B)).jpeg({ quality: 80 }).toBuffer();
fs.writeFileSync(path.join(out, 'corrupt-truncated.jpg'), full.subarray(0, 3000));
console.log('corrupt-truncated.jpg: 3000 bytes');
fs.rmSync(path.dirname(conf), { recursive: true, force: true });
