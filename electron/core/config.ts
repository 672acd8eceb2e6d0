import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'casebinder';

/** The same folder Electron's app.getPath('userData') gives for app name "casebinder". */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASEBINDER_DATA) return path.resolve(env.CASEBINDER_DATA);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}

export type Logger = {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
};

export type Clock = { now(): Date };
export type RandomSource = { bytes(n: number): Buffer };

export const systemClock: Clock = { now: () => new Date() };
