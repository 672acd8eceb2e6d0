// Target directory at city scale: bulk-load N targets, then time list/search queries through dispatch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completeUscc } from '../shared/domain/uscc';
import { createAppContext } from '../electron/core/app-context';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const N = Number(process.env.TARGETS ?? 200_000);
const WORDS = ['食品', '建材', '商贸', '餐饮', '科技', '医疗器械', '机械', '服装', '物流', '电子'];

async function main() {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cb-bench-')), 'data');
  const app = await createAppContext({ dataDir, resourcesDir: path.resolve(__dirname, '../../resources'), platform: createHeadlessPlatform(), create: true, resumeJobs: false });
  const admin = await app.ensureInitialised();
  const bureauIds = app.services.bureaus.list().map((b) => b.id);
  let t = Date.now();
  // Bulk path as the import issue will use it: multi-row INSERT in one transaction (FTS kept by triggers).
  const now = new Date().toISOString();
  await app.db.write(async (tx) => {
    for (let start = 0; start < N; start += 500) {
      const rows: unknown[] = [];
      const count = Math.min(500, N - start);
      for (let i = start; i < start + count; i++) {
        const code = completeUscc(`91210100${String(i).padStart(8, '0')}`);
        rows.push('for_profit', code, `沈阳${WORDS[i % WORDS.length]}第${i}号有限公司`, bureauIds[i % bureauIds.length], now, now);
      }
      await tx.run(`INSERT INTO targets (kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES ${Array(count).fill('(?,?,?,?,?,?)').join(',')}`, rows);
    }
  });
  const loadMs = Date.now() - t;
  console.log(`bulk insert ${N} targets (with FTS triggers): ${loadMs} ms (${Math.round((N / loadMs) * 1000)} rows/s)`);
  const login = await app.dispatch({ method: 'auth.login', input: { login: 'admin', password: admin.oneTimePassword } });
  const sessionToken = login.ok ? (login.value as { sessionToken: string }).sessionToken : null;
  const cases: [string, object][] = [
    ['first page, whole city', {}],
    ['page 100, whole city', { page: 100 }],
    ['one district', { bureauId: bureauIds[3] }],
    ['name ≥3 chars (FTS trigram)', { query: '医疗器械' }],
    ['name 2 chars (LIKE fallback)', { query: '食品' }],
    ['exact credit code', { query: completeUscc('9121010000012345') }],
    ['code fragment', { query: '00012345' }],
  ];
  for (const [label, input] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      const res = await app.dispatch({ method: 'targets.list', input, sessionToken });
      times.push(performance.now() - t);
      if (res.ok) total = (res.value as { total: number }).total;
    }
    times.sort((a, b) => a - b);
    console.log(`targets.list ${label.padEnd(30)} median ${times[2]?.toFixed(1)} ms (hits ${total})`);
  }
  const size = fs.statSync(path.join(dataDir, 'casebinder.sqlite')).size;
  console.log(`database size: ${(size / 1e6).toFixed(1)} MB; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await app.close();
}

void main();
