/** What the preview shows: a stable key (one document per key) and how to get its bytes. */
export type PdfSource = { key: string; load(): Promise<Uint8Array> };
