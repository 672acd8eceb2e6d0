import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { createAppContext, type AppContext } from '../../electron/core/app-context';
import type { Logger } from '../../electron/core/config';
import type { HostPlatform } from '../../electron/core/platform/host-platform';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';

export const RESOURCES_DIR = path.resolve(__dirname, '../../resources');

/** A settable clock; tests never read today's date. */
export function fixedClock(iso = '2026-03-02T09:00:00.000Z') {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next: string) => void (now = new Date(next)), advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

/** Deterministic bytes: SHA-256 in counter mode over a seed. */
export function seededRandom(seed = 'casebinder-test') {
  let counter = 0;
  return {
    bytes(n: number): Buffer {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i += 32) createHash('sha256').update(`${seed}:${counter++}`).digest().copy(out, i);
      return out;
    },
  };
}

export function memoryLogger() {
  const entries: { level: string; message: string; context?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (message, context) => void entries.push({ level: 'info', message, context }),
    warn: (message, context) => void entries.push({ level: 'warn', message, context }),
    error: (message, context) => void entries.push({ level: 'error', message, context }),
  };
  return { logger, entries };
}

export function tempDir(prefix = 'casebinder-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestContext = Awaited<ReturnType<typeof makeTestContext>>;

/** The real createAppContext on a real SQLite file in a temp dir, with a fixed clock and seeded randomness. */
export async function makeTestContext(options: { dataDir?: string; clock?: ReturnType<typeof fixedClock>; platform?: HostPlatform } = {}) {
  const dataDir = options.dataDir ?? path.join(tempDir(), 'data');
  const clock = options.clock ?? fixedClock();
  const { logger, entries } = memoryLogger();
  const app: AppContext = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: options.platform ?? createHeadlessPlatform(), create: true, clock, random: seededRandom(dataDir), logger });
  const admin = await app.ensureInitialised();

  /** Sign in through dispatch (changing the one-time password) and return a typed caller. */
  async function signIn(login: string, password: string) {
    const res = await app.dispatch({ method: 'auth.login', input: { login, password } });
    if (!res.ok) throw new Error(`login failed: ${JSON.stringify(res.error)}`);
    const token = (res.value as { sessionToken: string }).sessionToken;
    return caller(token);
  }

  function caller(sessionToken: string | null) {
    const raw = (method: string, input?: unknown) => app.dispatch({ method, input, sessionToken });
    return {
      sessionToken,
      raw,
      async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
        const res = await raw(method, input);
        if (!res.ok) throw Object.assign(new Error(`${method} failed: ${res.error.code} ${JSON.stringify(res.error.details)}`), { rpc: res.error });
        return res.value as MethodOutput<M>;
      },
    };
  }

  async function createUser(login: string, bureauCode: string, roles: MethodInput<'users.create'>['roles']) {
    const bureau = app.services.bureaus.list().find((b) => b.divisionCode === bureauCode);
    if (!bureau) throw new Error(`no bureau ${bureauCode}`);
    const created = await adminCaller.call('users.create', { login, displayName: login, bureauId: bureau.id, roles });
    return signIn(login, created.initialPassword);
  }

  const adminCaller = await signIn(admin.adminLogin, admin.oneTimePassword as string);
  return { app, dataDir, clock, logEntries: entries, admin: adminCaller, adminPassword: admin.oneTimePassword as string, signIn, caller, createUser, bureauId: (code: string) => app.services.bureaus.list().find((b) => b.divisionCode === code)?.id as number };
}
