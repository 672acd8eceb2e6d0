import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Content-Security-Policy for the built bundle (not the dev server, whose HMR preamble is inline). Kept
 * identical to the web host's header (electron/host/web-host.ts) minus frame-ancestors, which a meta tag
 * cannot carry; it also covers the Electron window. antd injects its CSS-in-JS as <style> elements,
 * hence 'unsafe-inline' for styles only. Everything else comes from our own origin.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'casebinder-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head' }],
  };
}

/** Optional: `CASEBINDER_HOST=http://127.0.0.1:PORT npx vite --config vite.config.ts` proxies RPC to a running web host. */
const hostForDev = process.env.CASEBINDER_HOST;

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
    proxy: hostForDev
      ? { '/rpc': { target: hostForDev, changeOrigin: true }, '/events': { target: hostForDev, changeOrigin: true } }
      : undefined,
  },
});
