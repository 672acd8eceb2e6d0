import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

let t: TestContext;
let host: WebHost;

beforeEach(async () => {
  t = await makeTestContext();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>casebinder</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  host = await startWebHost(t.app, { rendererDir });
});
afterEach(async () => {
  await host.close();
  await t.app.close();
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** Raw HTTP so tests can send any Host / Origin header (fetch forbids changing Host). */
function request(p: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (body: unknown, token = host.token, extra: Record<string, string> = {}) =>
  request('/rpc', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...extra }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('loopback web host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('/rpc without or with a wrong token → 401', async () => {
    expect((await request('/rpc', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await rpc({ method: 'bureaus.list' }, 'wrong')).status).toBe(401);
    expect((await request(`/events?token=wrong`)).status).toBe(401);
  });

  it('foreign Host or Origin → 403 (DNS rebinding, cross-site requests)', async () => {
    expect((await rpc({ method: 'bureaus.list' }, host.token, { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await rpc({ method: 'bureaus.list' }, host.token, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc({ method: 'bureaus.list' }, host.token, { Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('malformed JSON → INVALID_INPUT; unknown method → METHOD_NOT_FOUND; a full login round trip works', async () => {
    const bad = await rpc('{"method": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await rpc({ method: 'nope.nothing' })).body)).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_FOUND' } });
    const login = JSON.parse((await rpc({ method: 'auth.login', input: { login: 'admin', password: t.adminPassword } })).body);
    expect(login.ok).toBe(true);
    const list = JSON.parse((await rpc({ method: 'bureaus.list', input: {}, sessionToken: login.value.sessionToken })).body);
    expect(list.value).toHaveLength(14);
    const extra = JSON.parse((await rpc({ method: 'bureaus.list', input: { evil: true }, sessionToken: login.value.sessionToken })).body);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('casebinder');
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await request('/../secret.txt')).status).toBe(404);
    expect((await request('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('streams job progress over server-sent events', async () => {
    const received: string[] = [];
    const done = new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/events?token=${encodeURIComponent(host.token)}`, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received.push(chunk);
          if (chunk.includes('"state":"succeeded"')) {
            req.destroy();
            resolve();
          }
        });
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await t.admin.call('audit.verify', {});
    await done;
    const events = received.join('').split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
    expect(events.map((e) => e.state)).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']));
    expect(events[0]).toMatchObject({ type: 'job.progress', kind: 'audit.verify' });
  });

  it('POST /upload stages a file for a signed-in clerk; GET /exports/<name> serves an export, nothing else', async () => {
    const login = JSON.parse((await rpc({ method: 'auth.login', input: { login: 'admin', password: t.adminPassword } })).body);
    const session = login.value.sessionToken as string;
    const csv = '统一社会信用代码,名称,属地\n914403001922038216,上传测试公司,和平区\n';
    const headers = { Authorization: `Bearer ${host.token}`, 'X-Casebinder-Session': session };
    expect((await request('/upload?name=x.csv', { method: 'POST', body: csv })).status).toBe(401);
    expect(JSON.parse((await request('/upload?name=x.csv', { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: csv })).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const up = JSON.parse((await request(`/upload?name=${encodeURIComponent('../../名录.csv')}`, { method: 'POST', headers, body: csv })).body);
    expect(up).toMatchObject({ ok: true, value: { name: '名录.csv', size: Buffer.byteLength(csv), format: 'csv' } });
    const start = JSON.parse((await rpc({ method: 'imports.start', input: { stagedId: up.value.id, directory: 'targets' }, sessionToken: session })).body);
    expect(start.ok).toBe(true);
    await t.app.services.jobs.idle();
    const exp = JSON.parse((await rpc({ method: 'targets.export', input: { filter: {}, format: 'csv' }, sessionToken: session })).body);
    await t.app.services.jobs.idle();
    const job = await t.app.services.jobs.get(exp.value.jobId);
    const fileName = (job.result as { fileName: string }).fileName;
    const download = await request(`/exports/${encodeURIComponent(fileName)}`, { headers });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(download.body).toContain('上传测试公司');
    expect((await request(`/exports/${encodeURIComponent('../casebinder.sqlite')}`, { headers })).status).toBe(404);
    expect((await request(`/exports/${encodeURIComponent(fileName)}`, { headers: { Authorization: `Bearer ${host.token}` } })).body).toContain('UNAUTHENTICATED');
  });
});
