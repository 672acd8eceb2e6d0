// Cold start of the web host: from `node bin/casebinder.cjs serve` to the first answered /rpc call.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'casebinder.cjs');
const runs = Number(process.env.RUNS ?? 7);

async function once(dataDir: string): Promise<{ listening: number; firstRpc: number }> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().split('\n')[0] as string)));
  const listening = Number(process.hrtime.bigint() - start) / 1e6;
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  const res = await fetch(`http://127.0.0.1:${port}/rpc`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ method: 'auth.login', input: { login: 'nobody', password: 'x' } }) });
  await res.json();
  const firstRpc = Number(process.hrtime.bigint() - start) / 1e6;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { listening, firstRpc };
}

async function main() {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cb-bench-')), 'data');
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, [bin, 'init', '--data-dir', dataDir, '--json']);
  console.log(`init (new data folder, 14 bureaus, admin): ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(dataDir));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  console.log(`web host cold start over ${runs} runs (median): listening ${median(results.map((r) => r.listening)).toFixed(0)} ms, first /rpc answered ${median(results.map((r) => r.firstRpc)).toFixed(0)} ms`);
}

void main();
