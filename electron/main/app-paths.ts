import fs from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';
import { APP_NAME } from '../core/config';

export type AppPaths = {
  dataDir: string;
  resourcesDir: string;
  rendererDir: string;
  preloadPath: string;
};

/** Value of `--data-dir DIR` or `--data-dir=DIR`, if given. */
export function dataDirFromArgs(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || null;
  }
  return null;
}

/**
 * Data folder: --data-dir, else CASEBINDER_DATA, else <appData>/casebinder — Electron's userData for
 * the packaged app and core/config defaultDataDir(). Spelled out because `electron dist/electron/main.cjs`
 * (dev, Playwright) finds no package.json and would otherwise use <appData>/Electron.
 * The bundle lives in dist/electron, so __dirname is that folder.
 */
export function resolveAppPaths(app: App, argv: readonly string[], env: NodeJS.ProcessEnv): AppPaths {
  const override = dataDirFromArgs(argv) ?? env.CASEBINDER_DATA ?? null;
  const dataDir = path.resolve(override ?? path.join(app.getPath('appData'), APP_NAME));
  const resourcesDir = app.isPackaged
    ? path.join(process.resourcesPath, 'resources')
    : path.resolve(__dirname, '../../resources');
  return {
    dataDir,
    resourcesDir,
    rendererDir: path.resolve(__dirname, '../renderer'),
    preloadPath: path.join(__dirname, 'preload.cjs'),
  };
}

/** The app's version: Electron reports its own version when started on a bare script in dev. */
export function appVersion(app: App): string {
  if (app.isPackaged) return app.getVersion();
  try {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : app.getVersion();
  } catch {
    return app.getVersion();
  }
}
