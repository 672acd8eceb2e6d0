import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { tempDir } from '../support/test-context';
import { cli, CLI_BIN } from '../support/cli';



let dataDir = '';
let password = '';
beforeAll(async () => {
  dataDir = path.join(tempDir(), 'data');
  const res = await cli(['init', '--data-dir', dataDir, '--json', '--demo']);
  expect(res.code).toBe(0);
  const out = JSON.parse(res.stdout);
  expect(out).toMatchObject({ bureaus: 14, admin: 'admin', created: true, demoTargets: 7 });
  password = out.password;
}, 60_000);

describe('casebinder CLI (plain node)', () => {
  it('init prints 14 bureaus and a one-time password; a second init changes nothing', async () => {
    expect(password).toMatch(/^[A-Za-z0-9]{14}$/);
    const again = JSON.parse((await cli(['init', '--data-dir', dataDir, '--json'])).stdout);
    expect(again).toMatchObject({ bureaus: 14, admin: 'admin', created: false, password: null });
  });

  it('methods --json lists every contract method with an input JSON Schema', async () => {
    const { methods } = JSON.parse((await cli(['methods', '--json'])).stdout) as { methods: { name: string; input: { type: string } }[] };
    expect(methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    expect(methods.find((m) => m.name === 'targets.create')?.input).toMatchObject({ type: 'object', required: expect.arrayContaining(['kind', 'name', 'territorialBureauId']) });
  });

  it('call runs a method through dispatch as a user and prints the envelope', async () => {
    const ok = await cli(['call', 'targets.list', '--data-dir', dataDir, '--user', 'admin', '--input', '{"query":"演示"}', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, value: { total: 7 } });
    const denied = await cli(['call', 'users.list', '--data-dir', dataDir, '--user', 'demo.clerk', '--json']);
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.stdout)).toEqual({ ok: false, error: { code: 'FORBIDDEN', details: { method: 'users.list', requiredRoles: ['admin'] } } });
    const anonymous = await cli(['call', 'targets.list', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(anonymous.stdout)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('users add creates an account with a one-time password', async () => {
    const res = await cli(['users', 'add', '--data-dir', dataDir, '--login', 'hp.inspector', '--name', '和平检查员', '--bureau', '210102', '--roles', 'inspector,reviewer', '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ user: { login: 'hp.inspector', roles: ['inspector', 'reviewer'] } });
  });

  it('audit verify passes, then detects a row edited behind the app’s back (non-zero exit)', async () => {
    const clean = await cli(['audit', 'verify', '--data-dir', dataDir, '--json']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true });
    const sqlite3 = await import('sqlite3');
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.default.Database(path.join(dataDir, 'casebinder.sqlite'));
      db.run("UPDATE targets SET risk_level = 'low' WHERE id = 4", (err) => db.close(() => (err ? reject(err) : resolve())));
    });
    const broken = await cli(['audit', 'verify', '--data-dir', dataDir, '--json']);
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.stdout).problems).toEqual([expect.objectContaining({ kind: 'entity', entity: 'target:4' })]);
  });

  it('a missing data folder gives a Chinese message and a stable code, not a stack trace', async () => {
    const res = await cli(['call', 'bureaus.list', '--data-dir', path.join(tempDir(), 'missing'), '--user', 'admin', '--json']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, error: { code: 'DATA_NOT_INITIALISED' } });
    expect(res.stderr).toContain('数据文件夹尚未初始化');
    expect(res.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('serve prints its URL; /rpc without the token answers 401', async () => {
    const child = spawn(process.execPath, [CLI_BIN, 'serve', '--data-dir', dataDir, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8');
        child.stdout.once('data', (d: string) => resolve(d.split('\n')[0] as string));
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const { url, port, token } = JSON.parse(line);
      expect(url).toBe(`http://127.0.0.1:${port}/#token=${token}`);
      expect((await fetch(`http://127.0.0.1:${port}/rpc`, { method: 'POST', body: '{}' })).status).toBe(401);
      const ok = await fetch(`http://127.0.0.1:${port}/rpc`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ method: 'auth.login', input: { login: 'admin', password } }) });
      expect((await ok.json()).ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('targets import prints the summary the issue asks for; targets export writes the file', async () => {
    const file = path.resolve(__dirname, '../fixtures/targets-bad-rows.csv');
    const res = await cli(['targets', 'import', file, '--data-dir', dataDir, '--json']);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ inserted: 2, updated: 0, rejected: 9 });
    expect(out.errors[0]).toEqual({ line: 2, column: '统一社会信用代码', code: 'USCC_CHECKSUM', message: expect.stringContaining('校验位') });
    const strict = await cli(['targets', 'import', path.resolve(__dirname, '../fixtures/targets-gb18030.csv'), '--data-dir', dataDir, '--mode', 'all-or-nothing', '--encoding', 'gb18030', '--json']);
    expect(JSON.parse(strict.stdout)).toMatchObject({ inserted: 2, rejected: 0 });
    const outFile = path.join(tempDir(), '名录.xlsx');
    const exported = await cli(['targets', 'export', '--out', outFile, '--data-dir', dataDir, '--json']);
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 11, format: 'xlsx' });
  });
});
