/**
 * Host differences behind one port: the Electron shell implements it with native dialogs, the
 * headless host (CLI, web host, tests) with plain files. Services never ask which host they run on.
 */
export type FileFilter = { name: string; extensions: string[] };

export type HostPlatform = {
  readonly kind: 'electron' | 'headless';
  /** Ask the user for files to open; headless hosts return the paths configured for them (or none). */
  pickFiles(options: { title: string; filters?: FileFilter[]; multiple?: boolean }): Promise<string[]>;
  /** Ask where to save; returns null when cancelled. */
  pickSavePath(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>;
  /** Show a file in the OS file manager (no-op headless). */
  revealInFolder(path: string): Promise<void>;
  /** Print a PDF file through the OS (headless: reports that printing is unavailable). */
  printPdf(path: string): Promise<{ printed: boolean; reason?: string }>;
  /** Scanner access (SANE / document camera); filled in by the scanning issue. */
  listScanners(): Promise<{ id: string; label: string }[]>;
};
