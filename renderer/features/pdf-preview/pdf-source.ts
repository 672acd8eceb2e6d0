/** What the preview shows: a stable key (one document per key) and how to get its bytes. */
export type PdfSource = { key: string; load(): Promise<Uint8Array> };

/**
 * The transport handed the file to the file manager instead of giving its bytes (the desktop shell's export
 * hand-off), so there is nothing to preview in the window.
 */
export class PdfShownInFolder extends Error {
  constructor(readonly path: string) {
    super('shown in folder');
    this.name = 'PdfShownInFolder';
  }
}
