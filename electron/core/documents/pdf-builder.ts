import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawKeyValueTable, drawTable, type TableSpec } from './pdf-table';

/**
 * A small A4 document builder for the official papers casebinder prints (摇号记录, 告知书, 登记表, volume
 * covers, 目录): flowing text with CJK line breaking, ruled tables that continue over pages, signature
 * lines and a 第 N 页 共 M 页 footer. One font (a TTF with CJK and Latin, subset on save); content streams
 * are written as raw operators, so a 1,500-page list stays fast. No clock reads: dates are injected.
 */

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 } as const;
/** Top/bottom 25 mm; left 25 mm (binding edge), right 20 mm. */
export const PAGE_MARGINS = { top: 25 * MM, bottom: 25 * MM, left: 25 * MM, right: 20 * MM } as const;
/** The replacement drawn for a character the font lacks. */
export const MISSING_GLYPH = '□';

export type Align = 'left' | 'center' | 'right';
export type MissingGlyph = { char: string; codePoint: string; count: number };

export type PdfBuilderOptions = {
  /** A TrueType font (not CFF/OTF, not a collection) covering CJK and Latin, e.g. WenQuanYi Micro Hei. */
  fontBytes: Uint8Array;
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** Written as CreationDate and ModDate. */
  creationDate: Date;
  /** The 第 N 页 共 M 页 footer (default true); a volume's cover, 目录 and 备考表 carry no page numbers (§3.4). */
  footer?: boolean;
};

export type PdfBuilder = {
  /** A centred (default) or left-aligned title line, kept together with the start of what follows. */
  heading(text: string, options?: { size?: number; align?: Align; bold?: boolean }): void;
  /** Flowing text; `indent` = first-line indent in pt (Chinese prose: 2 × size); '\n' starts a new line. */
  paragraph(text: string, options?: { size?: number; indent?: number; align?: Align; lineHeight?: number }): void;
  /** Two ruled columns, the labels shaded; `labelWidth` in pt (default 110). */
  keyValueTable(rows: readonly (readonly [string, string])[], options?: { labelWidth?: number; size?: number }): void;
  /** A ruled table; its header row is repeated on every page it continues on. */
  table(spec: TableSpec): void;
  /** One line per label: `操作人（签名）：______  日期：____年__月__日`, kept on one page. */
  signatureLines(labels: readonly string[], options?: { size?: number }): void;
  spacer(pt: number): void;
  /** Draw something of `height` pt with the raw canvas at the cursor (new page first when it would not fit); the cursor moves below it. */
  block(height: number, draw: (canvas: PdfCanvas, top: number) => void): void;
  /** Start a new page unless `pt` more still fit on this one (keep a block together). */
  ensureSpace(pt: number): void;
  newPage(): void;
  pageCount(): number;
  /** Characters the font lacks (drawn as □), in order of first use. */
  missingGlyphs(): MissingGlyph[];
  /** Footers, metadata, font subset; the builder cannot be used afterwards. */
  finish(): Promise<Uint8Array>;
};

/** What the table drawing (pdf-table.ts) sees of the builder: the cursor, text layout and raw drawing. */
export type PdfCanvas = {
  readonly left: number;
  readonly width: number;
  readonly bottom: number;
  /** Usable height of an empty page. */
  readonly bodyHeight: number;
  /** The top of the next block, in pt from the page bottom. */
  y: number;
  newPage(): void;
  /** Replace missing characters, then break into lines no wider than `width`. */
  layoutText(text: string, width: number, size: number): string[];
  textWidth(line: string, size: number): number;
  /** Draw one laid-out line in a line box whose top edge is `top`. */
  text(line: string, x: number, top: number, size: number, lineHeight: number, bold?: boolean): void;
  strokeRects(rects: readonly (readonly [number, number, number, number])[], lineWidth?: number): void;
  fillRect(x: number, y: number, w: number, h: number, gray: number): void;
  line(x1: number, y1: number, x2: number, y2: number, lineWidth?: number): void;
};

type Glyph = { hex: string; width: number };
type PageState = { page: PDFPage; fontKey: string; ops: string[] };

export async function createPdfBuilder(options: PdfBuilderOptions): Promise<PdfBuilder> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(options.fontBytes, { subset: true });
  const glyphs = createGlyphTable(font);
  const pages: PageState[] = [];
  let finished = false;

  const canvas: PdfCanvas = {
    left: PAGE_MARGINS.left,
    width: A4.width - PAGE_MARGINS.left - PAGE_MARGINS.right,
    bottom: PAGE_MARGINS.bottom,
    bodyHeight: A4.height - PAGE_MARGINS.top - PAGE_MARGINS.bottom,
    y: 0,
    newPage: addPage,
    layoutText: (text, width, size) => breakLines(glyphs.prepare(text), width / size, glyphs.widthOf),
    textWidth: (line, size) => glyphs.widthOf(line) * size,
    text(line, x, top, size, lineHeight, bold = false) {
      if (line === '') return;
      const baseline = top - lineHeight / 2 - 0.34 * size; // CJK ink spans about −0.09 … 0.78 em
      const run = `BT ${current().fontKey} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(baseline)} Tm <${glyphs.encode(line)}> Tj ET`;
      current().ops.push(bold ? `q 2 Tr ${num(size / 40)} w ${run} Q` : run);
    },
    strokeRects(rects, lineWidth = 0.6) {
      const path = rects.map(([x, y, w, h]) => `${num(x)} ${num(y)} ${num(w)} ${num(h)} re`).join(' ');
      current().ops.push(`${num(lineWidth)} w ${path} S`);
    },
    fillRect(x, y, w, h, gray) {
      current().ops.push(`q ${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f Q`);
    },
    line(x1, y1, x2, y2, lineWidth = 0.6) {
      current().ops.push(`${num(lineWidth)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
    },
  };

  function current(): PageState {
    if (finished) throw new Error('PDF builder already finished');
    const state = pages[pages.length - 1];
    if (!state) throw new Error('no page');
    return state;
  }

  function addPage(): void {
    if (finished) throw new Error('PDF builder already finished');
    const previous = pages[pages.length - 1];
    if (previous) flush(previous);
    const page = doc.addPage([A4.width, A4.height]);
    const fontKey = page.node.newFontDictionary('F', font.ref).toString();
    pages.push({ page, fontKey, ops: [] });
    canvas.y = A4.height - PAGE_MARGINS.top;
  }

  /** A finished page's operators go into a compressed stream at once, so only one page is held as text. */
  function flush(state: PageState): void {
    if (state.ops.length === 0) return;
    const stream = doc.context.flateStream(state.ops.join('\n'));
    state.page.node.addContentStream(doc.context.register(stream));
    state.ops = [];
  }

  /** Start a new page unless `height` still fits above the bottom margin. */
  function ensure(height: number): void {
    if (canvas.y - height < canvas.bottom - 0.01) addPage();
  }

  function lines(text: string, opts: { size: number; lineHeight: number; align: Align; indent: number; bold: boolean; keep: number }) {
    const { size, lineHeight, align, indent, bold } = opts;
    const laidOut = breakLines(glyphs.prepare(text), canvas.width / size, glyphs.widthOf, (canvas.width - indent) / size);
    ensure(lineHeight * Math.min(laidOut.length + opts.keep, 4));
    laidOut.forEach((line, index) => {
      ensure(lineHeight);
      const offset = index === 0 ? indent : 0;
      const free = canvas.width - offset - canvas.textWidth(line, size);
      const x = canvas.left + offset + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
      canvas.text(line, x, canvas.y, size, lineHeight, bold);
      canvas.y -= lineHeight;
    });
  }

  async function finish(): Promise<Uint8Array> {
    const last = current();
    flush(last);
    finished = true;
    if (options.footer !== false) pages.forEach((state, index) => stampFooter(state, ['第', String(index + 1), '页', '共', String(pages.length), '页']));
    setMetadata(doc, options);
    return doc.save({ useObjectStreams: true });
  }

  /**
   * 第 N 页 共 M 页, centred below the body. The words are placed half an em apart instead of joined by
   * space glyphs: poppler's text extraction drops uniform quarter-em gaps between single CJK characters.
   */
  function stampFooter(state: PageState, words: readonly string[]): void {
    const size = 9;
    const gap = size / 2;
    const widths = words.map((word) => glyphs.widthOf(word) * size);
    let x = (A4.width - widths.reduce((sum, w) => sum + w, 0) - gap * (words.length - 1)) / 2;
    const baseline = PAGE_MARGINS.bottom / 2 - size / 2;
    const runs = words.map((word, i) => {
      const run = `1 0 0 1 ${num(x)} ${num(baseline)} Tm <${glyphs.encode(word)}> Tj`;
      x += (widths[i] ?? 0) + gap;
      return run;
    });
    const ops = `BT ${state.fontKey} ${size} Tf ${runs.join(' ')} ET`;
    state.page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  }

  addPage();
  return {
    heading(text, { size = 16, align = 'center', bold = true } = {}) {
      lines(text, { size, lineHeight: size * 1.5, align, indent: 0, bold, keep: 3 });
    },
    paragraph(text, { size = 10.5, indent = 0, align = 'left', lineHeight = size * 1.7 } = {}) {
      lines(text, { size, lineHeight, align, indent, bold: false, keep: 0 });
    },
    keyValueTable: (rows, opts = {}) => drawKeyValueTable(canvas, rows, opts),
    table: (spec) => drawTable(canvas, spec),
    signatureLines: (labels, opts = {}) => drawSignatureLines(canvas, labels, opts.size ?? 10.5),
    spacer(pt) {
      if (canvas.y - pt < canvas.bottom) addPage();
      else canvas.y -= pt;
    },
    block(height, draw) {
      ensure(height);
      draw(canvas, canvas.y);
      canvas.y -= height;
    },
    ensureSpace: ensure,
    newPage: addPage,
    pageCount: () => pages.length,
    missingGlyphs: () => glyphs.missing(),
    finish,
  };
}

function setMetadata(doc: PDFDocument, options: PdfBuilderOptions): void {
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  if (options.author !== undefined) doc.setAuthor(options.author);
  if (options.subject !== undefined) doc.setSubject(options.subject);
  if (options.keywords !== undefined) doc.setKeywords(options.keywords);
  doc.setProducer('casebinder');
  doc.setCreator('casebinder');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(options.creationDate);
  doc.setModificationDate(options.creationDate);
}

function drawSignatureLines(canvas: PdfCanvas, labels: readonly string[], size: number): void {
  const rowHeight = size * 3.2;
  if (canvas.y - rowHeight * labels.length < canvas.bottom) canvas.newPage();
  for (const label of labels) {
    const top = canvas.y - rowHeight + size * 1.6;
    const lead = canvas.layoutText(`${label}（签名）：`, canvas.width, size)[0] ?? '';
    let x = canvas.left;
    canvas.text(lead, x, top, size, size * 1.6);
    x += canvas.textWidth(lead, size);
    const underline = top - size * 1.25;
    const dateX = canvas.left + canvas.width * 0.6;
    // A long label (e.g. with a printed name) shortens the line rather than running into the date.
    canvas.line(x + 2, underline, Math.min(x + 150, dateX - 10), underline, 0.5);
    x = dateX;
    const date = '日期：';
    canvas.text(date, x, top, size, size * 1.6);
    x += canvas.textWidth(date, size);
    for (const [width, unit] of [[40, '年'], [24, '月'], [24, '日']] as const) {
      canvas.line(x + 2, underline, x + width, underline, 0.5);
      canvas.text(unit, x + width + 1, top, size, size * 1.6);
      x += width + 1 + canvas.textWidth(unit, size);
    }
    canvas.y -= rowHeight;
  }
}

/* ---------- glyphs: coverage, widths, encoding ---------- */

function createGlyphTable(font: PDFFont) {
  const covered = new Set(font.getCharacterSet());
  const cache = new Map<string, Glyph>();
  const missing = new Map<string, MissingGlyph>();

  function glyph(char: string): Glyph {
    let found = cache.get(char);
    if (!found) {
      found = { hex: font.encodeText(char).toString().slice(1, -1), width: font.widthOfTextAtSize(char, 1) };
      cache.set(char, found);
    }
    return found;
  }

  const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code < 0xa0);
  return {
    /** Normalise line ends and tabs; replace each character the font cannot draw with □ and count it. */
    prepare(text: string): string {
      let out = '';
      for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
        const code = char.codePointAt(0) ?? 0;
        if (char === '\n' || (covered.has(code) && !isControl(code))) {
          out += char;
          continue;
        }
        const seen = missing.get(char);
        if (seen) seen.count++;
        else missing.set(char, { char, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, count: 1 });
        out += MISSING_GLYPH;
      }
      return out;
    },
    /** Width of prepared text at size 1 (no kerning: runs are drawn glyph by glyph as measured). */
    widthOf(text: string): number {
      let width = 0;
      for (const char of text) width += glyph(char).width;
      return width;
    },
    encode(text: string): string {
      let hex = '';
      for (const char of text) hex += glyph(char).hex;
      return hex;
    },
    missing: () => [...missing.values()].map((m) => ({ ...m })),
  };
}

const num = (n: number): string => String(Math.round(n * 100) / 100);

/* ---------- line breaking ---------- */

/** Ideographs, kana, hangul, full-width forms and CJK punctuation: a line may break before and after each. */
const BREAK_ANYWHERE = /[\u1100-\u115f\u2014\u2026\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u25a0-\u25ff]|[\u{20000}-\u{3fffd}]/u;
/** Never at the start of a line. */
const NO_START = new Set('、。，．：；？！）〕］｝》」』】〉”’…—·%‰℃,.:;?!)]}');
/** Never at the end of a line. */
const NO_END = new Set('（〔［｛《「『【〈“‘([{');

/**
 * Greedy line breaking for mixed Chinese/Latin text: breaks between CJK characters and at spaces, keeps
 * Latin words and numbers whole when they fit, splits anything longer than a line (hex digests) anywhere,
 * keeps closing punctuation off the line start and opening punctuation off the line end. Spaces at a
 * break are dropped; no other character is. `maxWidth` and `widthOf` are in the same unit (em).
 */
export function breakLines(text: string, maxWidth: number, widthOf: (text: string) => number, firstLineWidth = maxWidth): string[] {
  return text.split('\n').flatMap((part, index) => fillLines(tokenize(part), maxWidth, widthOf, index === 0 ? firstLineWidth : maxWidth));
}

function tokenize(text: string): string[] {
  const raw: string[] = [];
  let word = '';
  for (const char of text) {
    if (char === ' ' || BREAK_ANYWHERE.test(char)) {
      if (word) raw.push(word);
      word = '';
      raw.push(char);
    } else word += char;
  }
  if (word) raw.push(word);
  const tokens: string[] = [];
  let pending = ''; // opening punctuation waiting for its next token
  for (const token of raw) {
    const previous = tokens[tokens.length - 1];
    if (token === ' ') {
      if (pending) tokens.push(pending);
      pending = '';
      tokens.push(token);
    } else if (!pending && previous !== undefined && previous !== ' ' && NO_START.has(token[0] ?? '')) {
      tokens[tokens.length - 1] = previous + token;
    } else if (NO_END.has(token.slice(-1))) {
      pending += token;
    } else {
      tokens.push(pending + token);
      pending = '';
    }
  }
  if (pending) tokens.push(pending);
  return tokens;
}

function fillLines(tokens: readonly string[], maxWidth: number, widthOf: (text: string) => number, firstWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const limit = () => (lines.length === 0 ? firstWidth : maxWidth);
  const push = () => {
    const trimmed = line.replace(/ +$/, '');
    if (trimmed !== '' || lines.length === 0) lines.push(trimmed); // an empty first line = only the indent
    line = '';
    width = 0;
  };
  const fits = (w: number) => width + w <= limit() + 1e-6;
  for (const token of tokens) {
    if (token === ' ' && line === '' && lines.length > 0) continue;
    const w = widthOf(token);
    if (fits(w)) {
      line += token;
      width += w;
    } else if (token === ' ') {
      push();
    } else if (w > maxWidth) {
      for (const char of token) {
        const cw = widthOf(char);
        if (!fits(cw) && line !== '') push();
        line += char;
        width += cw;
      }
    } else {
      push();
      line = token;
      width = w;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line.replace(/ +$/, ''));
  return lines;
}
