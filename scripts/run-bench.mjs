// Runs the benchmarks under bench/: each is bundled with esbuild (deps external) and run under plain node.
// Usage: npm run bench [-- name]   (name = file stem, e.g. cold-start)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const only = process.argv[2];
const files = fs.readdirSync('bench').filter((f) => f.endsWith('.ts') && (!only || f.startsWith(only)));
for (const file of files) {
  const outfile = path.join('dist', 'bench', file.replace(/\.ts$/, '.cjs'));
  await build({ entryPoints: [path.join('bench', file)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  console.log(`\n== ${file}`);
  const res = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (res.status !== 0) process.exitCode = res.status ?? 1;
}
