/**
 * The one Content-Security-Policy for the UI, whichever way it is served (Electron app://, the loopback
 * web host, the meta tag of the built index.html). antd injects <style> elements, hence 'unsafe-inline'
 * for styles only; tesseract.js needs 'wasm-unsafe-eval' and same-origin workers.
 */
export const CONTENT_SECURITY_POLICY = [
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

/** Only the HTTP header can carry frame-ancestors (a meta tag ignores it). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
