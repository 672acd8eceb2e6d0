import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { VolumeDocType } from '../../shared/domain/volumes/volumes';
import { reviewedInspection } from './inspection-fixtures';
import { tempDir, type TestContext } from './test-context';

/** A small PDF with one line of Latin text per page (pdftotext finds it). */
export async function textPdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of lines) doc.addPage([595.28, 841.89]).drawText(line, { x: 72, y: 700, size: 18, font });
  return doc.save();
}

/** A real JPEG scan of a one-line page (poppler's pdftoppm, as a scanner would make it), at `dpi`. */
export async function scanJpeg(line: string, dpi = 100): Promise<Buffer> {
  const dir = tempDir('casebinder-jpeg-');
  fs.writeFileSync(path.join(dir, 'page.pdf'), await textPdf([line]));
  execFileSync('pdftoppm', ['-jpeg', '-r', String(dpi), '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'scan')]);
  return fs.readFileSync(path.join(dir, 'scan.jpg'));
}

/** Stage bytes as a file and import them into the volume. */
export async function importBytes(t: TestContext, volumeId: number, name: string, bytes: Uint8Array, meta: { docType: VolumeDocType; title?: string | null; docDate?: string | null }, caller = t.admin) {
  const file = path.join(tempDir('casebinder-import-'), name);
  fs.writeFileSync(file, bytes);
  const staged = await caller.call('imports.stageFile', { path: file });
  return caller.raw('volumes.importDocument', { volumeId, stagedId: staged.id, docType: meta.docType, docNo: null, responsible: '被检查人', title: meta.title === undefined ? name : meta.title, docDate: meta.docDate ?? '2026-03-02', remark: null });
}

/** A reviewed inspection whose volume holds the generated notice and register. */
export async function volumeWithDocuments(t: TestContext) {
  const reviewed = await reviewedInspection(t);
  const volumeId = reviewed.inspection.volumeId as number;
  await t.admin.call('documents.render', { inspectionId: reviewed.inspectionId, kind: 'notice' });
  await t.admin.call('documents.render', { inspectionId: reviewed.inspectionId, kind: 'register' });
  return { ...reviewed, volumeId };
}

/** Bind through dispatch and wait for the job; returns the job's result. */
export async function bindVolume(t: TestContext, volumeId: number, caller = t.admin, incompleteReason?: string) {
  const { jobId } = await caller.call('volumes.bind', { id: volumeId, ...(incompleteReason ? { incompleteReason } : {}) });
  await t.app.services.jobs.idle();
  const job = await caller.call('jobs.get', { id: jobId });
  if (job.state !== 'succeeded') throw new Error(`bind job ${job.state}: ${job.errorCode} ${JSON.stringify(job.errorDetails)}`);
  return job.result as { version: number; pages: number; contentPages: number; sha256: string; size: number };
}

/** pdftotext of one page (1-based). */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}
