import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Logger } from './config';

/** JSON-lines log in <data>/logs/casebinder.log; also to stderr for warnings and errors when asked. */
export function createFileLogger(logDir: string, clock: Clock, echo: boolean): Logger {
  fs.mkdirSync(logDir, { recursive: true });
  const file = path.join(logDir, 'casebinder.log');
  const write = (level: string, message: string, context?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: clock.now().toISOString(), level, message, ...serialise(context) });
    try {
      fs.appendFileSync(file, line + '\n');
    } catch {
      // logging must never take the app down (e.g. disk full); the error is still echoed below
    }
    if (echo && level !== 'info') process.stderr.write(line + '\n');
  };
  return {
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
  };
}

function serialise(context?: Record<string, unknown>): Record<string, unknown> {
  if (!context) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
