/** The OCR engine's public types (issue 6). Boxes are pixels in the UPRIGHT page frame. */
export type OcrModel = 'fast' | 'accurate';

export type OcrBox = { x0: number; y0: number; x1: number; y1: number }; // pixels
export type OcrWord = { text: string; confidence: number; bbox: OcrBox };
export type OcrLine = { text: string; confidence: number; bbox: OcrBox; baselineY: number | null; words: OcrWord[] };
export type OcrRotation = 0 | 90 | 180 | 270;

/**
 * "Decoded input" = the pixels as stored (an EXIF orientation tag is not applied; OSD finds the turn).
 * The input bytes are never modified: preprocessing happens on copies, only for recognition.
 */
export type OcrPageResult = {
  width: number; height: number; // of the UPRIGHT page: the decoded input rotated clockwise by `rotation`
  dpi: number; // from the image metadata, else the option, else 300
  rotation: OcrRotation; // clockwise rotation that makes the input upright
  skewDegrees: number; // measured skew that was corrected for recognition
  lines: OcrLine[]; // reading order; boxes in the upright frame
  text: string; // lines joined with \n, NFKC-normalised, spaces between CJK characters removed
  meanConfidence: number; // 0–100
  psm: number; model: OcrModel; seconds: number;
};

export type OcrRecognizeOptions = {
  /** Used when the image carries no resolution metadata (default 300). */
  dpi?: number;
  /** Page of a multi-page TIFF (0-based, default 0). */
  page?: number;
  signal?: AbortSignal;
};

export type OcrLogger = {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
};

export type OcrPoolOptions = {
  /** Recognition workers (default max(1, cores − 1)). */
  workers?: number;
  /** A worker is terminated and replaced after this many pages, to bound memory (default 200). */
  recycleAfterPages?: number;
  model?: OcrModel;
  /** Where the gunzipped language data is kept (`<cacheDir>/tessdata/<model>/`). */
  cacheDir: string;
  logger?: OcrLogger;
  /** Preprocessing levers, all on by default; the benchmark turns them off one by one to measure them. */
  tuning?: Partial<OcrTuning>;
};

export type OcrTuning = {
  /** Colour scans are read from the red channel (red seals fade into the paper). */
  redChannel: boolean;
  deskew: boolean;
  /** Pages under 250 dpi are upscaled to ~300 dpi. */
  upscale: boolean;
  /** Paper brightness is divided out (shading, shadows, tinted paper). */
  normalise: boolean;
  /** Table rules and form underlines are erased before recognition. */
  removeRules: boolean;
  /** Page segmentation mode tried first. */
  psm: number;
  /** Mean confidence under which `retryPsm` is tried as well (0 = never); the more confident result is kept. */
  retryBelow: number;
  retryPsm: number;
};

export type OcrPoolStats = { workers: number; pagesDone: number; recycled: number; osdRecycled: number };

export type OcrPool = {
  recognize(image: Buffer, opts?: OcrRecognizeOptions): Promise<OcrPageResult>;
  close(): Promise<void>;
  stats(): OcrPoolStats;
};
