#!/usr/bin/env node
// `npm start` (after `npm run build`): run the desktop app when an Electron binary exists, otherwise
// serve the same UI through the loopback web host. Never require('electron') here: under plain Node
// that triggers a download attempt and throws on this offline machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Path of the Electron executable, or null; mirrors node_modules/electron/index.js without downloading. */
function findElectronBinary(projectRoot) {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

function requireBuilt(file) {
  if (fs.existsSync(file)) return;
  console.error(`missing ${path.relative(root, file)}; run "npm run build" first`);
  process.exit(1);
}

/**
 * On POSIX the child gets its own process group, so a terminal Ctrl-C reaches it exactly once (forwarded
 * by us) instead of twice. Windows keeps the shared console (detached would open a new one).
 */
function run(command, commandArgs) {
  const detached = process.platform !== 'win32';
  // glibc gives every thread its own malloc arena (up to 8 per core); with the OCR workers and libvips
  // threads that fragments into ~300 MB more peak RSS on Linux (bench/ocr). Two arenas cost no speed there.
  // Elsewhere the variable means nothing; a value the user set wins.
  const env = { MALLOC_ARENA_MAX: '2', ...process.env };
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', detached, env });
  const running = () => child.exitCode === null && child.signalCode === null;
  for (const signal of Object.keys(SIGNAL_NUMBERS)) {
    process.on(signal, () => {
      if (running()) child.kill(signal);
    });
  }
  process.on('exit', () => {
    if (running()) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`failed to start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (SIGNAL_NUMBERS[signal] ?? 0);
  });
}

const electron = findElectronBinary(root);
if (electron) {
  const main = path.join(root, 'dist', 'electron', 'main.cjs');
  requireBuilt(main);
  run(electron, [main, ...args]);
} else {
  console.log(
    '未找到 Electron 可执行文件（本机无法下载）— 改用本地 Web 界面 / ' +
      'Electron binary not available; serving the same UI through the web host instead',
  );
  const cli = path.join(root, 'bin', 'casebinder.cjs');
  requireBuilt(cli);
  run(process.execPath, [cli, 'serve', '--auto-init', ...args]);
}
