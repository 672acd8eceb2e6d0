/**
 * Host differences behind one port: the Electron shell implements it with native dialogs, the
 * headless host (CLI, web host, tests) with plain files. Services never ask which host they run on.
 */
export type FileFilter = { name: string; extensions: string[] };

export type HostPlatform = {
  readonly kind: 'electron' | 'headless';
  /** Ask the user for files to open; headless hosts return the paths configured for them (or none). */
  pickFiles(options: { title: string; filters?: FileFilter[]; multiple?: boolean }): Promise<string[]>;
  /** Ask for a folder (backups, restores, transfer packages, watched folders); null when cancelled or headless without one configured. */
  pickFolder(options: { title: string }): Promise<string | null>;
  /** Ask where to save; returns null when cancelled. */
  pickSavePath(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>;
  /** Show a file in the OS file manager (no-op headless). */
  revealInFolder(path: string): Promise<void>;
  /** Print a PDF file through the OS (headless: reports that printing is unavailable). */
  printPdf(path: string): Promise<{ printed: boolean; reason?: string }>;
  /**
   * Scanners (SANE's scanimage on Linux; none elsewhere yet). The document camera (高拍仪) is the
   * renderer's getUserMedia, not this port.
   */
  scanners: ScannerPort;
};

export type ScannerDevice = { id: string; label: string; type: string };
export type ScannerOptions = {
  modes: string[];
  mode: string | null;
  /** Offered resolutions (dpi); for a device with a range, the usual steps inside it. */
  resolutions: number[];
  resolutionRange: { min: number; max: number } | null;
  resolution: number | null;
  sources: string[];
  source: string | null;
  /** The sources that feed several sheets (a scan from them runs until the feeder is empty). */
  feederSources: string[];
};
export type ScanRequest = {
  device: string;
  dpi?: number;
  mode?: string;
  source?: string;
  /** Keep scanning until the feeder is empty (else one page). */
  feeder: boolean;
  /** Where the page files go (page-0001.png, …). */
  outDir: string;
  /** Number of the first file (continuing after an interruption). */
  firstPage?: number;
  /** Device-specific options by name (e.g. the SANE test backend's test-picture). */
  deviceOptions?: Record<string, string>;
};
export type ScannedPage = { file: string; index: number };

export type ScannerPort = {
  list(): Promise<ScannerDevice[]>;
  options(device: string): Promise<ScannerOptions>;
  /**
   * Scan into `outDir`, calling `onPage` as each page file is complete. A feeder that jams or a device
   * that fails after some pages returns them with `interrupted` set; with no page at all it throws.
   */
  scan(request: ScanRequest, onPage: (page: ScannedPage) => void, signal?: AbortSignal): Promise<{ pages: ScannedPage[]; interrupted: import('../../../shared/errors/codes').ErrorCode | null }>;
};
