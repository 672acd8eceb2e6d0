import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The built CLI bundle (`npm run build:node`), run as a user runs it: plain node, no Electron. */
export const CLI_BIN = path.resolve(__dirname, '../../bin/casebinder.cjs');

const run = promisify(execFile);

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `casebinder …`; a non-zero exit is returned (with its output), not thrown. */
export async function cli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', cwd: options.cwd, env: options.env ? { ...process.env, ...options.env } : process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
