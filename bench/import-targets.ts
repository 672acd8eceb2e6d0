// Import N target rows (default 1,000,000 ≈ 190 MB CSV) through the real import job, then time list and
// name-search queries over the result. Compare with the physical floor: Debian's sqlite3 CLI `.import --csv`
// of the same file into a bare table. Usage: npm run bench -- import-targets   (ROWS=10000 for a quick run)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completeUscc } from '../shared/domain/uscc';
import { createAppContext } from '../electron/core/app-context';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const DISTRICTS = ['和平区', '沈河区', '大东区', '皇姑区', '铁西区', '苏家屯区', '浑南区', '沈北新区', '于洪区', '辽中区', '康平县', '法库县', '新民市'];
const TRADES = ['食品', '建材', '商贸', '餐饮', '电子科技', '医疗器械', '机械制造', '服装', '物流', '药业', '文化传媒', '汽车销售', '农业发展', '建筑工程', '眼镜'];
const FORMS = ['有限公司', '有限责任公司', '商行', '经销处', '股份有限公司', '个体工商户', '合作社'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const WORDS = '鑫源盛达华通恒信宏伟金泰永昌瑞丰天成嘉禾聚福兴隆';
const RISKS = ['低', '较低', '一般', '较高', '高'];
const INDUSTRIES = ['批发和零售业', '住宿和餐饮业', '制造业', '信息技术', '建筑业', '交通运输业'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function makeCsv(file: string) {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const out = fs.openSync(file, 'w');
  let buf = '统一社会信用代码,名称,主体类型,法定代表人,住所,登记机关,属地,行业,风险等级,信用等级,登记状态\n';
  for (let i = 0; i < ROWS; i++) {
    const d = pick(DISTRICTS);
    const w = pick([...WORDS]) + pick([...WORDS]);
    const name = `沈阳市${d}${w}${pick(TRADES)}${i}号${pick(FORMS)}`;
    const code = completeUscc(`9121${String(100 + (i % 90)).padStart(4, '0').slice(-4)}MA${String(i).padStart(6, '0')}`.slice(0, 16));
    buf += `${code},${name},企业,${pick([...SURNAMES])}${pick([...WORDS])},沈阳市${d}${pick([...WORDS])}路${1 + (i % 300)}号,${d},${d},${pick(INDUSTRIES)},${pick(RISKS)},${pick(['A', 'B', 'C', 'D'])},存续\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-import-'));
  const csv = path.join(dir, 'targets.csv');
  let t = Date.now();
  makeCsv(csv);
  const size = fs.statSync(csv).size;
  console.log(`generated ${ROWS} rows, ${(size / 1e6).toFixed(0)} MB CSV in ${Date.now() - t} ms`);

  // Physical floor: the sqlite3 CLI importing the same file into a bare table.
  let floorMs = NaN;
  try {
    const floorDb = path.join(dir, 'floor.sqlite');
    t = Date.now();
    execFileSync('sqlite3', [floorDb, '.import --csv ' + csv + ' bare'], { stdio: 'ignore' });
    floorMs = Date.now() - t;
    console.log(`sqlite3 CLI .import --csv into a bare table: ${floorMs} ms`);
  } catch {
    console.log('sqlite3 CLI not installed (apt-get install sqlite3): floor not measured');
  }

  const dataDir = path.join(dir, 'data');
  const app = await createAppContext({ dataDir, resourcesDir: path.resolve(__dirname, '../../resources'), platform: createHeadlessPlatform(), create: true, resumeJobs: false });
  const admin = await app.ensureInitialised();
  const session = await app.services.auth.sessionForLogin(admin.adminLogin);
  t = Date.now();
  const staged = await app.services.staged.stagePath(csv, session.userId);
  const start = await app.dispatch({ method: 'imports.start', input: { stagedId: staged.id, directory: 'targets' } }, session);
  if (!start.ok) throw new Error(JSON.stringify(start.error));
  await app.services.jobs.idle();
  const wall = Date.now() - t;
  const job = await app.services.jobs.get((start.value as { jobId: number }).jobId);
  const result = job.result as { inserted: number; rejected: number; durationMs: number };
  console.log(`import job: ${job.state}, inserted ${result.inserted}, rejected ${result.rejected}`);
  console.log(`import wall (staging copy + job): ${(wall / 1000).toFixed(1)} s = ${Math.round(ROWS / (wall / 1000))} rows/s; job alone ${(result.durationMs / 1000).toFixed(1)} s`);
  if (!Number.isNaN(floorMs)) console.log(`ratio to the sqlite3 CLI floor: ${(wall / floorMs).toFixed(1)}×`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; database ${(fs.statSync(path.join(dataDir, 'casebinder.sqlite')).size / 1e6).toFixed(0)} MB`);

  // 100 varied queries: names (2–6 characters), codes, filters, pages.
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const bureauIds = app.services.bureaus.list().map((b) => b.id);
  const queries: object[] = [];
  for (let i = 0; i < 100; i++) {
    switch (i % 5) {
      case 0: queries.push({ query: pick([...WORDS]) + pick([...WORDS]) }); break;
      case 1: queries.push({ query: pick(TRADES) + String(Math.floor(r() * ROWS)).slice(0, 3) }); break;
      case 2: queries.push({ query: `MA${String(Math.floor(r() * ROWS)).padStart(6, '0')}` }); break;
      case 3: queries.push({ bureauId: pick(bureauIds), riskLevel: pick(['low', 'high', 'medium'] as const), page: 1 + Math.floor(r() * 5) }); break;
      default: queries.push({ bureauId: pick(bureauIds), creditClass: pick(['A', 'D'] as const), regStatus: 'active', query: pick(TRADES) });
    }
  }
  const times: number[] = [];
  for (const input of queries) {
    const q0 = performance.now();
    const res = await app.dispatch({ method: 'targets.list', input: { ...input, pageSize: 50 } }, session);
    times.push(performance.now() - q0);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(1);
  console.log(`targets.list over ${ROWS} targets, 100 varied queries: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
