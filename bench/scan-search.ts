// Full-text search over scanned pages (issue 6 target: 100,000 pages, p95 ≤ 50 ms).
// Loads PAGES pages of generated Chinese administrative text (≈ 600 characters each) straight into the
// scan tables and both search indexes — the same rows the OCR pipeline writes — then times scans.search
// through the service for 100 queries of each kind.   PAGES=100000 npm run bench -- scan-search
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nameBigrams } from '../shared/domain/bigrams';
import { normaliseForSearch } from '../shared/domain/scans/scans';
import { createAppContext } from '../electron/core/app-context';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const PAGES = Number(process.env.PAGES ?? 100_000);
const SHA = '0'.repeat(64);
const PHRASES = [
  '根据年度抽查计划', '现将有关事项通知如下', '检查对象', '统一社会信用代码', '检查时间', '检查地点', '检查人员', '食品安全', '药品经营',
  '特种设备', '产品质量', '价格监督', '广告监测', '营业执照', '经营场所', '责令改正', '逾期未改正', '行政处罚', '未发现问题',
  '发现问题已责令改正', '不配合检查', '未按规定公示年度报告', '通过登记的住所无法联系', '现场检查笔录', '询问笔录', '送达回证',
  '法定代表人', '委托代理人', '联系电话', '沈阳市', '和平区', '沈河区', '铁西区', '浑南区', '有限公司', '个体工商户', '农民专业合作社',
  '抽查事项', '抽查比例', '随机抽取', '双随机一公开', '市场监督管理局', '检查结果', '公示', '备案', '许可证', '台账', '进货查验记录',
];
const DISTINCT = ['明远', '华联', '恒瑞', '盛京', '北陵', '浑河', '辽沈', '东陵', '中街', '太原街'];

/** Deterministic pseudo-random text: phrases, names and numbers, like a scanned notice or record. */
function pageText(i: number): string {
  let seed = (i * 2654435761) >>> 0;
  // mulberry32: an LCG's low bits cycle with a short period, which made every page alike.
  const next = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let z = seed;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  const parts: string[] = [];
  let length = 0;
  while (length < 600) {
    const r = next() % 20;
    const part = r === 0 ? `${DISTINCT[next() % DISTINCT.length]}${String(i).padStart(6, '0')}号` : r === 1 ? `${2020 + (next() % 7)}年${1 + (next() % 12)}月${1 + (next() % 28)}日` : (PHRASES[next() % PHRASES.length] as string);
    parts.push(part);
    length += part.length + 1;
    if (next() % 8 === 0) parts.push('\n');
  }
  return parts.join('，').replace(/，\n，/g, '\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main() {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cb-bench-scan-search-')), 'data');
  const app = await createAppContext({ dataDir, resourcesDir: path.resolve(__dirname, '../../resources'), platform: createHeadlessPlatform(), create: true, resumeJobs: false });
  await app.ensureInitialised();
  const bureaus = app.services.bureaus.list().map((b) => b.id);
  const now = new Date().toISOString();
  let t = performance.now();
  await app.db.write(async (tx) => {
    await tx.run(`INSERT INTO blobs (sha256, size, media_type, created_at) VALUES (?, 1, 'image/jpeg', ?)`, [SHA, now]);
    for (const [i, bureauId] of bureaus.entries()) await tx.run(`INSERT INTO scan_batches (id, bureau_id, source, created_at) VALUES (?, ?, 'upload', ?)`, [i + 1, bureauId, now]);
    for (const [i] of bureaus.entries()) await tx.run(`INSERT INTO scan_files (id, batch_id, seq, original_name, blob_sha256, status) VALUES (?, ?, 1, 'bench.tif', ?, 'split')`, [i + 1, i + 1, SHA]);
    const page = await tx.prepare(`INSERT INTO scan_pages (id, batch_id, file_id, file_page, seq, image_sha256, media_type, status, text_source) VALUES (?, ?, ?, ?, ?, ?, 'image/jpeg', 'done', 'ocr')`);
    const text = await tx.prepare(`INSERT INTO page_texts (page_id, version, source, text, created_at) VALUES (?, 1, 'ocr', ?, ?)`);
    const fts = await tx.prepare(`INSERT INTO page_fts (rowid, body, meta) VALUES (?, ?, '')`);
    const bigram = await tx.prepare(`INSERT INTO page_bigram (rowid, body_bigrams) VALUES (?, ?)`);
    for (let i = 1; i <= PAGES; i++) {
      const b = (i % bureaus.length) + 1;
      const body = normaliseForSearch(pageText(i));
      void page.run([i, b, b, i, i, SHA]);
      void text.run([i, body, now]);
      void fts.run([i, body]);
      await bigram.run([i, nameBigrams(body)]);
    }
  });
  const loadS = (performance.now() - t) / 1000;
  const size = fs.statSync(path.join(dataDir, 'casebinder.sqlite')).size;
  console.log(`loaded ${PAGES} pages (≈600 characters each, both indexes) in ${loadS.toFixed(1)} s; database ${(size / 1e6).toFixed(0)} MB`);

  const city = app.services.bureaus.city()?.id as number;
  const scope = app.services.bureaus.subtree(city);
  const district = app.services.bureaus.subtree(bureaus[3] as number);
  const kinds: [string, (i: number) => string, number[]][] = [
    ['rare name + number (≥3 chars)', (i) => `${DISTINCT[i % DISTINCT.length]}${String((i * 997) % PAGES).padStart(6, '0')}`, scope],
    ['common phrase (≥3 chars)', (i) => PHRASES[(i * 7) % PHRASES.length] as string, scope],
    ['two terms (≥3 chars each)', (i) => `${PHRASES[i % PHRASES.length]} ${PHRASES[(i * 5 + 3) % PHRASES.length]}`, scope],
    ['2 characters (bigram index)', (i) => (PHRASES[i % PHRASES.length] as string).slice(0, 2), scope],
    ['1 character (scan)', (i) => (PHRASES[i % PHRASES.length] as string).slice(-1), scope],
    ['common phrase, one district', (i) => PHRASES[(i * 3) % PHRASES.length] as string, district],
  ];
  for (const [label, query, bureauIds] of kinds) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 100; i++) {
      t = performance.now();
      const r = await app.services.scans.search({ q: query(i), bureauIds, limit: 50 });
      times.push(performance.now() - t);
      hits += r.hits.length;
    }
    times.sort((a, b) => a - b);
    console.log(`scans.search ${label.padEnd(32)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${times.at(-1)?.toFixed(1)} ms  (mean hits ${(hits / 100).toFixed(1)} of ≤ 50)`);
  }
  console.log(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await app.close();
}

void main();
