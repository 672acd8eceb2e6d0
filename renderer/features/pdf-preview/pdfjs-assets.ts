/**
 * pdf.js's side files, bundled by Vite from node_modules/pdfjs-dist (offline: nothing from the network):
 * the 14 standard fonts (imported PDFs often use Helvetica/Times without embedding them), the Chinese (GB)
 * predefined CMaps (non-embedded 宋体 with UniGB-UCS2-H and the like), and the JBIG2 / JPEG 2000 decoders that
 * scanned PDFs need. pdf.js asks for them by file name through the factories below.
 */
const STANDARD_FONTS = byFileName(import.meta.glob('../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url', import: 'default', eager: true }));
const CMAPS = byFileName(import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/{Adobe-GB1-*,GB*,UniGB-*}.bcmap', { query: '?url', import: 'default', eager: true }));
const WASM = byFileName(import.meta.glob('../../../node_modules/pdfjs-dist/wasm/{jbig2,openjpeg}.wasm', { query: '?url', import: 'default', eager: true }));

function byFileName(modules: Record<string, unknown>): ReadonlyMap<string, string> {
  return new Map(Object.entries(modules).map(([file, url]) => [file.slice(file.lastIndexOf('/') + 1), String(url)]));
}

/** A bundled asset's bytes. Vite inlines small files as data: URLs, which connect-src 'self' would refuse to fetch. */
async function assetBytes(table: ReadonlyMap<string, string>, fileName: string): Promise<Uint8Array> {
  const url = table.get(fileName);
  if (!url) throw new Error(`not bundled: ${fileName}`);
  if (url.startsWith('data:')) {
    const binary = atob(url.slice(url.indexOf(',') + 1));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  // eslint-disable-next-line no-restricted-globals -- a static file of the renderer bundle itself, not a backend call
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${fileName}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * pdf.js constructs these itself (`new Factory({ baseUrl })`) and, because they are not its own DOM factories,
 * asks them from the worker by file name (`useWorkerFetch` stays off); no base URL is needed.
 */
export class BundledStandardFontDataFactory {
  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return assetBytes(STANDARD_FONTS, filename);
  }
}

export class BundledCMapReaderFactory {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    return { cMapData: await assetBytes(CMAPS, `${name}.bcmap`), isCompressed: true };
  }
}

export class BundledWasmFactory {
  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return assetBytes(WASM, filename);
  }
}
