import type { Align, PdfCanvas } from './pdf-builder';

/** Ruled tables for the PDF builder: wrapped multi-line cells, rows split or moved at page ends, header repeated. */

export type TableColumn = {
  title: string;
  /** More than 1: points. At most 1: a share of the width left after the fixed columns (shares fill it). */
  width: number;
  /** Body cells (the header is centred); default left. */
  align?: Align;
};

export type TableSpec = {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** Font size in pt (default 9). */
  size?: number;
};

type Cell = { lines: string[]; align: Align; fill: number | null };
type Style = { size: number; lineHeight: number; padX: number; padY: number };

const HEADER_FILL = 0.88;
const LABEL_FILL = 0.94;

const styleFor = (size: number): Style => ({ size, lineHeight: size * 1.45, padX: 4, padY: size * 0.35 });
const heightOf = (lines: number, style: Style) => lines * style.lineHeight + 2 * style.padY;
const lineCount = (cells: readonly Cell[]) => Math.max(1, ...cells.map((cell) => cell.lines.length));

/** Column widths in pt for a table `total` pt wide (fixed columns shrink proportionally when they overflow). */
export function columnWidths(columns: readonly TableColumn[], total: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width > 1 ? c.width : 0), 0);
  const shares = columns.reduce((sum, c) => sum + (c.width > 1 ? 0 : Math.max(0, c.width)), 0);
  const scale = fixed > total ? total / fixed : 1;
  const free = Math.max(0, total - fixed * scale);
  return columns.map((c) => (c.width > 1 ? c.width * scale : shares > 0 ? (free * Math.max(0, c.width)) / shares : 0));
}

export function drawTable(canvas: PdfCanvas, spec: TableSpec): void {
  const style = styleFor(spec.size ?? 9);
  const widths = columnWidths(spec.columns, canvas.width);
  const xs = edges(canvas.left, widths);
  const layout = (text: string, column: number) => canvas.layoutText(text, (widths[column] ?? 0) - 2 * style.padX, style.size);
  const header: Cell[] = spec.columns.map((c, i) => ({ lines: layout(c.title, i), align: 'center', fill: HEADER_FILL }));
  const headerHeight = heightOf(lineCount(header), style);
  const drawHeader = () => drawRow(canvas, xs, header, 0, lineCount(header), style);

  let started = false;
  const start = (firstRowHeight: number) => {
    if (canvas.y - canvas.bottom < headerHeight + Math.min(firstRowHeight, heightOf(1, style))) canvas.newPage();
    drawHeader();
    started = true;
  };
  for (const row of spec.rows) {
    const cells: Cell[] = spec.columns.map((c, i) => ({ lines: layout(row[i] ?? '', i), align: c.align ?? 'left', fill: null }));
    if (!started) start(heightOf(lineCount(cells), style));
    placeRow(canvas, xs, cells, style, headerHeight, drawHeader);
  }
  if (!started) start(0);
}

/** Label | value rows, labels shaded; `labelWidth` in pt. */
export function drawKeyValueTable(canvas: PdfCanvas, rows: readonly (readonly [string, string])[], options: { labelWidth?: number; size?: number }): void {
  const style = styleFor(options.size ?? 10);
  const labelWidth = Math.min(options.labelWidth ?? 110, canvas.width / 2);
  const xs = [canvas.left, canvas.left + labelWidth, canvas.left + canvas.width];
  for (const [label, value] of rows) {
    const cells: Cell[] = [
      { lines: canvas.layoutText(label, labelWidth - 2 * style.padX, style.size), align: 'left', fill: LABEL_FILL },
      { lines: canvas.layoutText(value, canvas.width - labelWidth - 2 * style.padX, style.size), align: 'left', fill: null },
    ];
    placeRow(canvas, xs, cells, style, 0, () => undefined);
  }
}

/**
 * Draw a row at the cursor. A row that does not fit moves to the next page (after `continueOnNewPage`,
 * which repeats the header); a row taller than a whole page is split line by line instead.
 */
function placeRow(canvas: PdfCanvas, xs: readonly number[], cells: readonly Cell[], style: Style, reserved: number, continueOnNewPage: () => void): void {
  const total = lineCount(cells);
  const capacity = Math.floor((canvas.bodyHeight - reserved - 2 * style.padY + 1e-6) / style.lineHeight);
  let from = 0;
  let freshPage = false;
  while (from < total) {
    const fitting = Math.floor((canvas.y - canvas.bottom - 2 * style.padY + 1e-6) / style.lineHeight);
    const left = total - from;
    if (fitting >= left) {
      drawRow(canvas, xs, cells, from, left, style);
      return;
    }
    if (left > capacity || freshPage) {
      // Too tall for any page: fill this one (at least one line, so a huge header cannot loop forever).
      const take = Math.max(fitting, freshPage ? 1 : 0);
      if (take > 0) drawRow(canvas, xs, cells, from, take, style);
      from += take;
      if (from >= total) return;
    }
    canvas.newPage();
    continueOnNewPage();
    freshPage = true;
  }
}

/** Lines `from` … `from + count − 1` of every cell as one ruled row; whole rows are centred vertically. */
function drawRow(canvas: PdfCanvas, xs: readonly number[], cells: readonly Cell[], from: number, count: number, style: Style): void {
  const { size, lineHeight, padX, padY } = style;
  const height = heightOf(count, style);
  const top = canvas.y;
  const bottom = top - height;
  const whole = from === 0 && count === lineCount(cells);
  const boxes = cells.map((_, i) => [xs[i] ?? 0, bottom, (xs[i + 1] ?? 0) - (xs[i] ?? 0), height] as const);
  cells.forEach((cell, i) => {
    const box = boxes[i];
    if (cell.fill !== null && box) canvas.fillRect(box[0], box[1], box[2], box[3], cell.fill);
  });
  canvas.strokeRects(boxes);
  cells.forEach((cell, i) => {
    const shown = cell.lines.slice(from, from + count);
    const offset = whole ? ((count - shown.length) * lineHeight) / 2 : 0;
    const x0 = (xs[i] ?? 0) + padX;
    const room = (xs[i + 1] ?? 0) - padX - x0;
    shown.forEach((line, k) => {
      const free = cell.align === 'left' ? 0 : room - canvas.textWidth(line, size);
      const x = x0 + (cell.align === 'center' ? free / 2 : free);
      canvas.text(line, x, top - padY - offset - k * lineHeight, size, lineHeight);
    });
  });
  canvas.y = bottom;
}

function edges(left: number, widths: readonly number[]): number[] {
  const xs = [left];
  for (const w of widths) xs.push((xs[xs.length - 1] ?? left) + w);
  return xs;
}
