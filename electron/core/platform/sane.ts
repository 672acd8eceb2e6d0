import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/codes';
import type { ScanRequest, ScannedPage, ScannerDevice, ScannerOptions, ScannerPort } from './host-platform';

/**
 * Scanners through SANE's `scanimage` (issue 6 item 1), the way Linux scanning frontends drive it: the
 * device list (`-f` with a tab-separated format), the device's options (`-A`), and scans in batch mode
 * (`--batch` with `--batch-print`, one lossless PNG per page as the scanner delivers it; a feeder runs
 * until it is empty). Nothing goes through a shell: arguments are passed as a list. When `scanimage` is
 * not installed the list is empty and a scan is refused with SCANNER_UNAVAILABLE.
 */

/** scanimage exits with the SANE status of the failure (sane/sane.h). */
const STATUS_CODES: Record<number, ErrorCode> = {
  3: 'SCANNER_BUSY',
  6: 'SCANNER_JAMMED',
  7: 'SCANNER_NO_DOCS',
  8: 'SCANNER_COVER_OPEN',
  11: 'SCANNER_ACCESS_DENIED',
};

/** The same statuses as scanimage words them on stderr (the exit code alone is 1 for an open failure). */
const STDERR_CODES: [RegExp, ErrorCode][] = [
  [/feeder jammed/i, 'SCANNER_JAMMED'],
  [/out of documents|no documents/i, 'SCANNER_NO_DOCS'],
  [/cover (is )?open/i, 'SCANNER_COVER_OPEN'],
  [/device busy/i, 'SCANNER_BUSY'],
  [/access (to resource )?(has been )?denied/i, 'SCANNER_ACCESS_DENIED'],
  [/open of device .* failed/i, 'SCANNER_NOT_FOUND'],
  [/setting of option --(\S+) failed/i, 'SCANNER_OPTION_INVALID'],
];

const LIST_TIMEOUT_MS = 30_000; // network scanners (escl, airscan) take a while to answer
const OPTION_NAME = /^[a-z][a-z0-9-]{0,40}$/;

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export type SaneOptions = {
  /** The scanimage binary (tests may point at another one). */
  command?: string;
  env?: NodeJS.ProcessEnv;
};

export function createSaneScanner(options: SaneOptions = {}): ScannerPort {
  const command = options.command ?? 'scanimage';
  const env = () => options.env ?? process.env;

  function run(args: string[], opts: { timeoutMs?: number; signal?: AbortSignal; onStdoutLine?: (line: string) => void } = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let pending = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (!opts.onStdoutLine) return;
        pending += chunk;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          opts.onStdoutLine(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs) : null;
      // SIGINT is how a user stops scanimage: it finishes the page in the scanner and exits.
      const onAbort = () => child.kill('SIGINT');
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        reject(error.code === 'ENOENT' ? new AppError('SCANNER_UNAVAILABLE', { command }) : error);
      });
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (pending && opts.onStdoutLine) opts.onStdoutLine(pending);
        resolve({ code, signal, stdout, stderr });
      });
    });
  }

  async function list(): Promise<ScannerDevice[]> {
    let out: Run;
    try {
      out = await run(['-f', '%d\t%v\t%m\t%t%n'], { timeoutMs: LIST_TIMEOUT_MS });
    } catch (error) {
      if (error instanceof AppError && error.code === 'SCANNER_UNAVAILABLE') return [];
      throw error;
    }
    return parseDeviceList(out.stdout);
  }

  async function deviceOptions(device: string): Promise<ScannerOptions> {
    const out = await run(['-d', device, '-A'], { timeoutMs: LIST_TIMEOUT_MS });
    if (out.code !== 0) throw failure(out, device);
    return parseDeviceOptions(out.stdout);
  }

  async function scan(request: ScanRequest, onPage: (page: ScannedPage) => void, signal?: AbortSignal): Promise<{ pages: ScannedPage[]; interrupted: ErrorCode | null }> {
    for (const key of Object.keys(request.deviceOptions ?? {})) if (!OPTION_NAME.test(key)) throw new AppError('SCANNER_OPTION_INVALID', { option: key });
    await fs.mkdir(request.outDir, { recursive: true });
    const args = ['-d', request.device, '--format=png', '--batch-print', `--batch=${path.join(request.outDir, 'page-%04d.png')}`, `--batch-start=${request.firstPage ?? 1}`];
    if (request.dpi !== undefined) args.push('--resolution', String(request.dpi));
    if (request.mode) args.push('--mode', request.mode);
    if (request.source) args.push('--source', request.source);
    if (!request.feeder) args.push('--batch-count=1');
    for (const [key, value] of Object.entries(request.deviceOptions ?? {})) args.push(`--${key}`, value);
    const pages: ScannedPage[] = [];
    const out = await run(args, {
      signal,
      onStdoutLine: (line) => {
        const file = line.trim();
        if (!file) return;
        const page = { file, index: pages.length };
        pages.push(page);
        onPage(page);
      },
    });
    if (signal?.aborted) return { pages, interrupted: 'JOB_CANCELLED' };
    if (out.code === 0 && pages.length > 0) return { pages, interrupted: null };
    // In batch mode scanimage ends an empty feeder with status 0 ("out of documents"): no page is no scan.
    if (out.code === 0) throw new AppError(request.feeder || /out of documents/i.test(out.stderr) ? 'SCANNER_NO_DOCS' : 'SCANNER_FAILED', { device: request.device, stderr: out.stderr.trim().split('\n').slice(-3).join('\n') });
    const error = failure(out, request.device);
    // A feeder that jams after some pages: what came through is kept; the caller says how far it got.
    if (pages.length > 0) return { pages, interrupted: error.code };
    throw error;
  }

  return { list, options: deviceOptions, scan };
}

function failure(out: Run, device: string): AppError {
  const stderr = out.stderr.trim();
  const fromText = STDERR_CODES.find(([re]) => re.test(stderr));
  const code = (out.code !== null ? STATUS_CODES[out.code] : undefined) ?? fromText?.[1] ?? 'SCANNER_FAILED';
  const option = /setting of option --(\S+) failed/i.exec(stderr)?.[1];
  return new AppError(code, { device, exitCode: out.code, signal: out.signal, stderr: stderr.split('\n').slice(-3).join('\n'), ...(option ? { option } : {}) });
}

/** `scanimage -f '%d\t%v\t%m\t%t%n'`: one device per line. */
export function parseDeviceList(stdout: string): ScannerDevice[] {
  return stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((parts) => parts.length >= 4 && parts[0]!.trim() !== '')
    .map(([id, vendor, model, type]) => ({ id: id!.trim(), label: `${vendor!.trim()} ${model!.trim()}`.trim(), type: type!.trim() }));
}

/**
 * The options a scan dialog offers, from `scanimage -A`: `--mode Gray|Color [Gray]`,
 * `--resolution 75|150|300dpi [150]` or `--resolution 1..1200dpi (in steps of 1) [50]`,
 * `--source Flatbed|Automatic Document Feeder [Flatbed]`.
 */
export function parseDeviceOptions(stdout: string): ScannerOptions {
  const option = (name: string) => {
    const m = new RegExp(`^\\s+--${name}[ =](.+?)\\s+\\[([^\\]]*)\\]\\s*$`, 'm').exec(stdout);
    return m ? { values: m[1]!.trim(), current: m[2]!.trim() } : null;
  };
  const mode = option('mode');
  const source = option('source');
  const resolution = option('resolution');
  let resolutions: number[] = [];
  let range: { min: number; max: number } | null = null;
  if (resolution) {
    const spec = resolution.values.replace(/dpi.*$/, '');
    const r = /^(\d+)\.\.(\d+)/.exec(spec);
    if (r) {
      range = { min: Number(r[1]), max: Number(r[2]) };
      resolutions = [75, 100, 150, 200, 300, 400, 600].filter((d) => d >= range!.min && d <= range!.max);
    } else {
      resolutions = spec.split('|').map(Number).filter((n) => Number.isFinite(n) && n > 0);
    }
  }
  const list = (o: { values: string; current: string } | null) => (o ? o.values.split('|').map((v) => v.trim()).filter(Boolean) : []);
  const current = (o: { values: string; current: string } | null) => (o && o.current !== 'inactive' ? o.current : null);
  const sources = list(source);
  return {
    modes: list(mode),
    mode: current(mode),
    resolutions,
    resolutionRange: range,
    resolution: resolution && /^\d+/.test(resolution.current) ? Number.parseInt(resolution.current, 10) : null,
    sources,
    source: current(source),
    feederSources: sources.filter(isFeederSource),
  };
}

/** Sources that feed several sheets (ADF, duplex): a scan from them runs until the feeder is empty. */
export function isFeederSource(source: string): boolean {
  return /feeder|adf|duplex|自动|进纸/i.test(source);
}
