// Bundles the plain-Node front doors (CLI + web host) and the Electron main/preload with esbuild.
// Dependencies stay external (node_modules), so native sqlite3 and typeorm load as installed.
import fs from 'node:fs';

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // `npm install --omit=dev` (e.g. inside a packaged app) has no esbuild and needs no build.
  console.log('build-node: esbuild not installed; skipping');
  process.exit(0);
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, packages: 'external', logLevel: 'warning' };
const jobs = [build({ ...common, entryPoints: ['electron/host/cli.ts'], outfile: 'dist/host/cli.cjs' })];
if (fs.existsSync('electron/main/main.ts')) {
  jobs.push(build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }));
}
if (fs.existsSync('electron/preload/preload.ts')) {
  // A sandboxed preload may only require 'electron' (and a few built-ins): bundle everything else.
  jobs.push(build({ ...common, packages: undefined, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }));
}
await Promise.all(jobs);
