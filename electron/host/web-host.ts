import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { exportFilePath } from '../core/exports/export-file';
import type { AppContext } from '../core/app-context';

import { CONTENT_SECURITY_POLICY_HEADER as CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const MAX_BODY = 16 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.map': 'application/json',
};

export type WebHost = { url: string; port: number; token: string; close(): Promise<void> };

/**
 * Loopback web host: POST /rpc, GET /events (SSE), and the built renderer. 127.0.0.1 only, a per-run
 * token on every backend call, Host and Origin checked against our own address (DNS rebinding, CSRF).
 */
export async function startWebHost(app: AppContext, options: { port?: number; rendererDir: string; token?: string }): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const sse = new Set<http.ServerResponse>();
  let port = 0;

  const tokenOk = (given: string | null | undefined) => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      app.logger.error('web host request failed', { error, url: req.url });
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', details: {} } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, { error: 'foreign Host' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) return send(res, 403, { error: 'foreign Origin' });
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!tokenOk(bearer)) return send(res, 401, { error: 'token required' });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: [], message: '请求体过大' }] } } });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: [], message: '请求体不是有效的 JSON' }] } } });
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: [], message: '请求体应为 {method, input, sessionToken}' }] } } });
      }
      const { method, input, sessionToken } = parsed as Record<string, unknown>;
      const envelope = await app.dispatch({ method: String(method ?? ''), input, sessionToken: typeof sessionToken === 'string' ? sessionToken : null });
      return send(res, 200, envelope);
    }
    if (url.pathname === '/upload' || url.pathname.startsWith('/exports/')) {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!tokenOk(bearer)) return send(res, 401, { error: 'token required' });
      const session = await app.services.auth.resolve(String(req.headers['x-casebinder-session'] ?? ''));
      if (!session) return send(res, 200, { ok: false, error: { code: 'UNAUTHENTICATED', details: {} } });
      if (url.pathname === '/upload') {
        if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
        if (!session.roles.some((r) => r === 'admin' || r === 'clerk')) return send(res, 200, { ok: false, error: { code: 'FORBIDDEN', details: {} } });
        try {
          const value = await app.services.staged.stageStream(url.searchParams.get('name') ?? 'upload', req, session.userId);
          return send(res, 200, { ok: true, value });
        } catch (error) {
          const code = (error as { code?: string }).code;
          return send(res, 200, { ok: false, error: { code: code === 'DISK_FULL' ? code : 'IMPORT_FILE_UNREADABLE', details: {} } });
        }
      }
      return serveExport(decodeURIComponent(url.pathname.slice('/exports/'.length)), res);
    }
    if (url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 401, { error: 'token required' });
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    return serveStatic(url.pathname, res);
  }

  /** Files the user exported (data/exports/), by bare file name only. */
  async function serveExport(name: string, res: http.ServerResponse) {
    const file = exportFilePath(app.config.dataDir, name);
    if (file === null) return send(res, 404, { error: 'not found' });
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(file);
    } catch {
      return send(res, 404, { error: 'not found' });
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': stat.size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  }

  async function serveStatic(pathname: string, res: http.ServerResponse) {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(rendererDir, '.' + relative);
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, { error: 'not found' });
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      return send(res, 404, { error: 'not found' });
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(bytes);
  }

  const unsubscribe = app.events.subscribe((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sse) res.write(line);
  });
  const keepAlive = setInterval(() => {
    for (const res of sse) res.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      clearInterval(keepAlive);
      for (const res of sse) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
