import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built index.html carries the shared policy as a meta tag too (defence in depth for every way the
 * bundle is served). Build only: the dev server's HMR preamble is an inline script.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'casebinder-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head' }],
  };
}

/**
 * Optional: `CASEBINDER_HOST=http://127.0.0.1:PORT npx vite --config vite.config.mts` proxies /rpc and /events
 * to a running web host (open the dev page with `#token=…` from the host's address). The host accepts only
 * its own Origin, so the proxy drops the dev server's.
 */
const hostForDev = process.env.CASEBINDER_HOST;
const toHost = hostForDev
  ? { target: hostForDev, changeOrigin: true, configure: (proxy: { on(event: 'proxyReq', cb: (req: { removeHeader(name: string): void }) => void): void }) => proxy.on('proxyReq', (req) => req.removeHeader('origin')) }
  : undefined;

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [repoRoot] },
    proxy: toHost ? { '/rpc': toHost, '/events': toHost } : undefined,
  },
});
