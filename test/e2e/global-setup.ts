import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The e2e tests run the built app: make sure the host is built and the renderer bundle is not stale. */
export default function globalSetup(): void {
  if (!fs.existsSync(path.join(root, 'dist', 'host', 'cli.cjs'))) {
    throw new Error('dist/host/cli.cjs is missing: run `npm run build:node` before the e2e tests.');
  }
  const bundle = path.join(root, 'dist', 'renderer', 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')), fs.statSync(path.join(root, 'vite.config.mts')).mtimeMs);
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sources) {
    process.stdout.write('[e2e] renderer bundle missing or older than its sources: building it…\n');
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.config.mts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  }
}
