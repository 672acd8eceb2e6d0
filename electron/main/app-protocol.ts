import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'main';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

import { CONTENT_SECURITY_POLICY_HEADER as CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** True for app://main/… only. Node's URL gives origin "null" for custom schemes, so compare parts. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serve dist/renderer over app://main/…; anything resolving outside it is a 404. */
export function handleAppScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => serve(root, request.url));
}

async function serve(root: string, url: string): Promise<Response> {
  const file = resolveInside(root, url);
  if (!file) return notFound();
  const found = (await readFileOrNull(file)) ?? (await spaFallback(root, file));
  if (!found) return notFound();
  return new Response(new Uint8Array(found.body), {
    status: 200,
    headers: headers(MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream'),
  });
}

/** The absolute file for a request URL, or null when the URL is foreign or escapes the root. */
export function resolveInside(root: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

async function readFileOrNull(file: string): Promise<{ file: string; body: Buffer } | null> {
  try {
    const stat = await fs.stat(file);
    const target = stat.isDirectory() ? path.join(file, 'index.html') : file;
    return { file: target, body: await fs.readFile(target) };
  } catch {
    return null;
  }
}

/** Client-side routes (no file extension) get index.html; missing assets stay 404. */
async function spaFallback(root: string, file: string): Promise<{ file: string; body: Buffer } | null> {
  if (path.extname(file) !== '') return null;
  return readFileOrNull(path.join(root, 'index.html'));
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}
