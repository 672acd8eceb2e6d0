import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { createPdfBuilder } from '../documents/pdf-builder';
import { drawCover, type CoverFacts } from '../volumes/volume-pdf';

/**
 * The archived file (归档文件) of a volume, derived from the reviewed bound version: the reviewed PDF is
 * loaded and changed as little as possible — its cover page is replaced by one that carries the 档号 and
 * 保管期限, and a 卷内备考表（续） page is appended (the archiving, how the file derives from the reviewed
 * version, the 补充件). Every other page is the reviewed file's own page object: the 目录, the 备考表 and
 * the numbered content pages keep their content streams byte for byte, so page numbers and bookmarks stay.
 */

export type ArchivedFileFacts = {
  cover: CoverFacts & { archiveNo: string };
  /** 本卷情况说明（续）, one line each. */
  notes: string[];
  archivedByName: string;
  /** YYYYMMDD. */
  archivedOn: string;
  keywords: string[];
  madeAt: Date;
};

export type ArchivedFile = { bytes: Uint8Array; pages: number; frontPages: number; backPages: number };

export async function deriveArchivedPdf(reviewed: Uint8Array, structure: { frontPages: number; backPages: number }, facts: ArchivedFileFacts, fontBytes: Uint8Array): Promise<ArchivedFile> {
  const doc = await PDFDocument.load(reviewed, { updateMetadata: false });

  const coverPdf = await createPdfBuilder({ fontBytes, title: facts.cover.volumeTitle, creationDate: facts.madeAt, footer: false });
  drawCover(coverPdf, facts.cover);
  const coverDoc = await PDFDocument.load(await coverPdf.finish());
  const [cover] = await doc.copyPages(coverDoc, [0]);
  const old = doc.getPage(0);
  doc.removePage(0);
  doc.insertPage(0, cover as NonNullable<typeof cover>);
  dropPage(doc, old.ref);

  const note = await createPdfBuilder({ fontBytes, title: `${facts.cover.volumeTitle} 卷内备考表（续）`, creationDate: facts.madeAt, footer: false });
  note.heading('卷内备考表（续）', { size: 16 });
  note.spacer(10);
  note.keyValueTable([['本卷情况说明', facts.notes.join('\n')]], { labelWidth: 90, size: 10.5 });
  note.spacer(24);
  note.keyValueTable(
    [
      ['档号', facts.cover.archiveNo],
      ['归档人', facts.archivedByName || ' '],
      ['归档时间', facts.archivedOn],
    ],
    { labelWidth: 90, size: 10.5 },
  );
  const noteDoc = await PDFDocument.load(await note.finish());
  const added = await doc.copyPages(noteDoc, noteDoc.getPageIndices());
  for (const page of added) doc.addPage(page);

  doc.setTitle(`${facts.cover.archiveNo} ${facts.cover.volumeTitle}`, { showInWindowTitleBar: true });
  doc.setSubject(facts.cover.archiveNo);
  doc.setKeywords([facts.cover.archiveNo, ...facts.keywords]);
  doc.setProducer('casebinder');
  doc.setModificationDate(facts.madeAt);
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pages: doc.getPageCount(), frontPages: structure.frontPages, backPages: structure.backPages + added.length };
}

/** The replaced cover is not kept as an unreachable object in the file (its blank 档号 would be misleading). */
function dropPage(doc: PDFDocument, ref: PDFRef): void {
  const node = doc.context.lookup(ref);
  const contents = node && 'get' in node ? (node as { get: (n: PDFName) => unknown }).get(PDFName.of('Contents')) : undefined;
  const refs = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray().filter((r): r is PDFRef => r instanceof PDFRef) : [];
  for (const r of refs) doc.context.delete(r);
  doc.context.delete(ref);
}
