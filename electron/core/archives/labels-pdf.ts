import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Printed labels for archived volumes, A4 sheets with several labels each, in the shipped CJK font:
 * - spine labels (卷脊/盒脊标签), three across a sheet: 全宗, 档号, 年度, 保管期限, 题名 (vertical, shortened), 盒号;
 * - box labels (档案盒封面), two to a sheet: 全宗名称, the box's place and the volumes it holds.
 */

export type LabelVolume = { archiveNo: string; year: number; retentionLabel: string; title: string; box: string | null };
export type BoxLabel = { fondsName: string; place: string; box: string; volumes: LabelVolume[] };

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const SPINE = { width: 60 * MM, height: 265 * MM, gap: 5 * MM, perSheet: 3 };
const BOX = { width: 180 * MM, height: 133 * MM, perSheet: 2, rows: 14 };
const TITLE_CHARS = 28;
const black = rgb(0, 0, 0);

/** 题名 shortened for a spine: at most `max` characters, the cut marked with …. */
export const shortTitle = (title: string, max = TITLE_CHARS) => {
  const chars = [...title.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

async function newDoc(fontBytes: Uint8Array, title: string, at: Date) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(title);
  doc.setCreator('casebinder');
  doc.setProducer('casebinder');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  return { doc, font };
}

/** Text centred at `cx`, shrunk (down to 6 pt) to fit `width`. */
function centred(page: PDFPage, font: PDFFont, text: string, cx: number, y: number, size: number, width: number) {
  let s = size;
  while (s > 6 && font.widthOfTextAtSize(text, s) > width) s -= 0.5;
  page.drawText(text, { x: cx - font.widthOfTextAtSize(text, s) / 2, y, size: s, font, color: black });
}

function drawSpine(page: PDFPage, font: PDFFont, fondsName: string, v: LabelVolume, x: number, y: number) {
  const { width: w, height: h } = SPINE;
  const cx = x + w / 2;
  const inner = w - 8 * MM;
  page.drawRectangle({ x, y, width: w, height: h, borderColor: black, borderWidth: 0.8 });
  let top = y + h - 12 * MM;
  centred(page, font, fondsName, cx, top, 11, inner);
  top -= 9 * MM;
  page.drawLine({ start: { x: x + 3 * MM, y: top + 5 * MM }, end: { x: x + w - 3 * MM, y: top + 5 * MM }, thickness: 0.5, color: black });
  centred(page, font, '档号', cx, top, 9, inner);
  top -= 7 * MM;
  centred(page, font, v.archiveNo, cx, top, 10, inner);
  top -= 10 * MM;
  centred(page, font, `年度  ${v.year}`, cx, top, 11, inner);
  top -= 8 * MM;
  centred(page, font, `保管期限  ${v.retentionLabel}`, cx, top, 11, inner);
  top -= 6 * MM;
  page.drawLine({ start: { x: x + 3 * MM, y: top }, end: { x: x + w - 3 * MM, y: top }, thickness: 0.5, color: black });
  // 题名 runs down the spine, one character a line.
  const size = 13;
  let line = top - 8 * MM;
  for (const ch of shortTitle(v.title)) {
    centred(page, font, ch, cx, line, size, inner);
    line -= size * 1.25;
  }
  page.drawLine({ start: { x: x + 3 * MM, y: y + 22 * MM }, end: { x: x + w - 3 * MM, y: y + 22 * MM }, thickness: 0.5, color: black });
  centred(page, font, '盒号', cx, y + 15 * MM, 9, inner);
  centred(page, font, v.box ?? ' ', cx, y + 7 * MM, 12, inner);
}

function addSpines(doc: PDFDocument, font: PDFFont, fondsName: string, volumes: readonly LabelVolume[]) {
  const rowWidth = SPINE.perSheet * SPINE.width + (SPINE.perSheet - 1) * SPINE.gap;
  const left = (A4.width - rowWidth) / 2;
  const bottom = (A4.height - SPINE.height) / 2;
  volumes.forEach((v, i) => {
    if (i % SPINE.perSheet === 0) doc.addPage([A4.width, A4.height]);
    const page = doc.getPage(doc.getPageCount() - 1);
    drawSpine(page, font, fondsName, v, left + (i % SPINE.perSheet) * (SPINE.width + SPINE.gap), bottom);
  });
}

export async function spineLabelsPdf(fondsName: string, volumes: readonly LabelVolume[], fontBytes: Uint8Array, at: Date): Promise<Uint8Array> {
  const { doc, font } = await newDoc(fontBytes, '卷脊标签', at);
  doc.setKeywords(volumes.map((v) => v.archiveNo));
  addSpines(doc, font, fondsName, volumes);
  return doc.save();
}

function drawBox(page: PDFPage, font: PDFFont, b: BoxLabel, part: LabelVolume[], index: number, parts: number, x: number, y: number) {
  const { width: w, height: h } = BOX;
  page.drawRectangle({ x, y, width: w, height: h, borderColor: black, borderWidth: 1 });
  let top = y + h - 12 * MM;
  centred(page, font, b.fondsName, x + w / 2, top, 14, w - 10 * MM);
  top -= 9 * MM;
  centred(page, font, `档案盒${parts > 1 ? `（${index + 1}/${parts}）` : ''}  盒号 ${b.box}`, x + w / 2, top, 16, w - 10 * MM);
  top -= 8 * MM;
  centred(page, font, `存放位置：${b.place}    共 ${b.volumes.length} 卷`, x + w / 2, top, 10.5, w - 10 * MM);
  top -= 5 * MM;
  const cols = [{ t: '档号', w: 62 * MM }, { t: '题名', w: 78 * MM }, { t: '年度', w: 16 * MM }, { t: '保管期限', w: 20 * MM }];
  const rowH = 6 * MM;
  const left = x + 2 * MM;
  const rows = [cols.map((c) => c.t), ...part.map((v) => [v.archiveNo, shortTitle(v.title, 26), String(v.year), v.retentionLabel])];
  rows.forEach((cells, r) => {
    const rowTop = top - r * rowH;
    let cx = left;
    cells.forEach((cell, c) => {
      const col = cols[c] as { w: number };
      page.drawRectangle({ x: cx, y: rowTop - rowH, width: col.w, height: rowH, borderColor: black, borderWidth: 0.5 });
      centred(page, font, cell, cx + col.w / 2, rowTop - rowH + 1.8 * MM, 8.5, col.w - 2 * MM);
      cx += col.w;
    });
  });
}

/** Box labels (a box with more volumes than fit continues on the next label), then a spine label per volume. */
export async function boxLabelsPdf(b: BoxLabel, fontBytes: Uint8Array, at: Date): Promise<Uint8Array> {
  const { doc, font } = await newDoc(fontBytes, `档案盒 ${b.box}`, at);
  doc.setKeywords(b.volumes.map((v) => v.archiveNo));
  const parts: LabelVolume[][] = [];
  for (let i = 0; i < Math.max(1, b.volumes.length); i += BOX.rows) parts.push(b.volumes.slice(i, i + BOX.rows));
  const left = (A4.width - BOX.width) / 2;
  parts.forEach((part, i) => {
    if (i % BOX.perSheet === 0) doc.addPage([A4.width, A4.height]);
    const page = doc.getPage(doc.getPageCount() - 1);
    const slot = i % BOX.perSheet;
    drawBox(page, font, b, part, i, parts.length, left, A4.height - 12 * MM - (slot + 1) * BOX.height - slot * 8 * MM);
  });
  addSpines(doc, font, b.fondsName, b.volumes);
  return doc.save();
}
