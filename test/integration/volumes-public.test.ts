import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { todayOf } from '../support/inspection-fixtures';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';
import { bindVolume, importBytes, pdfInfo, scanJpeg, textPdf, volumeWithDocuments } from '../support/volume-fixtures';

const KEPT = 'KEPT ALPHA LICENCE';
const PAGE_SECRET = 'BRAVO REVENUE SECRET';
const DOC_SECRET = 'CHARLIE LEDGER SECRET';
const DOC_TITLE = '财务报表甲乙丙';
const PLACEHOLDER_TRADE = '本页涉及商业秘密，依法不予公开';
const PLACEHOLDER_PRIVACY = '本页涉及个人隐私，依法不予公开';

const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every form a Latin word takes in a PDF made by pdf-lib: literal, or a hex string (either case). */
function forms(word: string): Buffer[] {
  const hex = Buffer.from(word, 'latin1').toString('hex');
  return [Buffer.from(word, 'latin1'), Buffer.from(hex.toUpperCase()), Buffer.from(hex)];
}
const contains = (bytes: Buffer, word: string) => forms(word).some((f) => bytes.includes(f));

/** The file with every stream inflated and no object streams (qpdf's QDF form). */
function inflated(file: string): Buffer {
  const out = path.join(tempDir('casebinder-qdf-'), 'qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  return fs.readFileSync(out);
}

async function exported(t: TestContext, volumeId: number, isPublic: boolean, version?: number) {
  const { fileName, sha256, version: v } = await t.admin.call('volumes.exportFile', { id: volumeId, public: isPublic, ...(version ? { version } : {}) });
  const file = path.join(t.dataDir, 'exports', fileName);
  return { file, bytes: fs.readFileSync(file), sha256, version: v };
}

async function bindPublic(t: TestContext, volumeId: number) {
  const { jobId } = await t.admin.call('volumes.bindPublic', { id: volumeId });
  await t.app.services.jobs.idle();
  const job = await t.admin.call('jobs.get', { id: jobId });
  if (job.state !== 'succeeded') throw new Error(`public job ${job.state}: ${job.errorCode} ${JSON.stringify(job.errorDetails)}`);
  return job.result as { version: number; basedOnVersion: number; pages: number; withheldPages: number; sha256: string };
}

/** A complete volume with a 2-page evidence PDF (one secret page), a financial statement, a JPEG proof and a consent letter. */
async function markedVolume(t: TestContext) {
  const v = await volumeWithDocuments(t);
  const bureau = t.app.services.bureaus.get(v.inspection.inspectingBureauId).divisionCode as string;
  const clerk = await t.createUser('clerk1', bureau, ['clerk']);
  const legal = await t.createUser('legal1', bureau, ['legal']);
  const jpeg = await scanJpeg('PERSONAL ID SCAN');
  const imp = async (name: string, bytes: Uint8Array, docType: 'evidence' | 'service_proof', title: string) => {
    const r = await importBytes(t, v.volumeId, name, bytes, { docType, title });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value as { id: number };
  };
  const evidence = await imp('evidence.pdf', await textPdf([KEPT, PAGE_SECRET]), 'evidence', '营业执照及经营情况');
  const finance = await imp('finance.pdf', await textPdf([DOC_SECRET]), 'evidence', DOC_TITLE);
  const proof = await imp('proof.jpg', jpeg, 'service_proof', '送达回证');
  const consent = await imp('consent.pdf', await textPdf(['WRITTEN CONSENT']), 'evidence', '企业同意公开的书面意见');
  await clerk.call('publish.mark', { inspectionIds: [v.inspectionId], publishedOn: todayOf(t), platforms: ['gsxt'] });
  return { ...v, clerk, legal, jpeg, evidence, finance, proof, consent };
}

/**
 * Two pages sharing one /Resources dictionary (as some producers write it): page 2 draws a form XObject
 * whose text is the secret; page 1 only names the same resources.
 */
async function sharedResourcesPdf(): Promise<Uint8Array> {
  const inner = await PDFDocument.create();
  inner.addPage([400, 100]).drawText('FORM HIDDEN SECRET', { x: 10, y: 50, size: 18, font: await inner.embedFont(StandardFonts.Helvetica) });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [form] = await doc.embedPdf(await inner.save());
  const p1 = doc.addPage([595.28, 841.89]);
  p1.drawText('SHARED KEPT PAGE', { x: 72, y: 700, size: 18, font });
  const p2 = doc.addPage([595.28, 841.89]);
  p2.drawPage(form!, { x: 72, y: 600 });
  const shared = doc.context.obj({});
  for (const key of ['Font', 'XObject']) {
    const merged = doc.context.obj({});
    for (const page of [p1, p2]) for (const [k, v] of page.node.Resources()?.lookupMaybe(PDFName.of(key), PDFDict)?.entries() ?? []) merged.set(k, v);
    shared.set(PDFName.of(key), merged);
  }
  const ref = doc.context.register(shared);
  for (const page of [p1, p2]) page.node.set(PDFName.of('Resources'), ref);
  return doc.save();
}

describe('volumes: 不予公开 marks and the public copy (公开版)', () => {
  it('withholds marked pages and documents truly (not in the text, not in the bytes), keeps the full version whole, lifts marks by the rules, audited', async () => {
    const t = await makeTestContext();
    const v = await markedVolume(t);

    // Marks: a page of the evidence, the whole financial statement, the JPEG proof (personal data).
    await v.clerk.call('volumes.markNonPublic', { entryId: v.evidence.id, pageIndex: 1, reason: 'trade_secret', note: '企业营业收入' });
    const financeMarked = await v.clerk.call('volumes.markNonPublic', { entryId: v.finance.id, pageIndex: null, reason: 'trade_secret', note: null });
    await v.clerk.call('volumes.markNonPublic', { entryId: v.proof.id, pageIndex: 0, reason: 'privacy', note: '身份证号码' });
    expect(await v.clerk.raw('volumes.markNonPublic', { entryId: v.evidence.id, pageIndex: 1, reason: 'privacy', note: null })).toMatchObject({ ok: false, error: { code: 'VOLUME_MARK_EXISTS' } });
    expect(await v.clerk.raw('volumes.markNonPublic', { entryId: v.evidence.id, pageIndex: 2, reason: 'privacy', note: null })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(financeMarked.marks).toMatchObject([{ pageIndex: null, reason: 'trade_secret', markedByName: expect.any(String), liftedAt: null }]);
    const volume = await t.admin.call('volumes.get', { id: v.volumeId });
    expect(volume.entries.find((e) => e.id === v.evidence.id)?.marks).toMatchObject([{ pageIndex: 1, reason: 'trade_secret', note: '企业营业收入' }]);
    expect(volume.publicCurrent).toBe(false);
    expect(await t.admin.raw('volumes.bindPublic', { id: v.volumeId })).toMatchObject({ ok: false, error: { code: 'VOLUME_NOT_BOUND' } });

    const full = await bindVolume(t, v.volumeId);
    const pub = await bindPublic(t, v.volumeId);
    expect(pub).toMatchObject({ version: 1, basedOnVersion: 1, pages: full.pages, withheldPages: 3 });
    const f = await exported(t, v.volumeId, false);
    const p = await exported(t, v.volumeId, true);
    expect(createHash('sha256').update(p.bytes).digest('hex')).toBe(pub.sha256);
    expect(p.file).toMatch(/公开版1\.pdf$/);
    expect(Number(pdfInfo(p.file).Pages)).toBe(Number(pdfInfo(f.file).Pages));

    // The full version has everything (positive controls for the searches below) and lists the material in its 备考表.
    const fullText = text(f.file);
    for (const w of [KEPT, PAGE_SECRET, DOC_SECRET]) expect(fullText).toContain(squash(w));
    expect(fullText).toContain(DOC_TITLE);
    expect(contains(inflated(f.file), PAGE_SECRET)).toBe(true);
    expect(f.bytes.includes(v.jpeg)).toBe(true);
    const fullNote = squash(execFileSync('pdftotext', ['-f', String(full.pages), '-l', String(full.pages), f.file, '-'], { encoding: 'utf8' }));
    expect(fullNote).toContain('卷内备考表');
    expect(fullNote).toContain('《营业执照及经营情况》原第2页不予公开：商业秘密（企业营业收入）');
    expect(fullNote).toContain(`《${DOC_TITLE}》（全件）不予公开：商业秘密`);
    expect(fullNote).toContain('《送达回证》原第1页不予公开：个人隐私（身份证号码）');

    // The public copy: placeholders and the kept words, nothing of the withheld pages in text or bytes.
    const pubText = text(p.file);
    expect(pubText).toContain(squash(KEPT));
    expect(pubText).toContain(PLACEHOLDER_TRADE);
    expect(pubText).toContain(PLACEHOLDER_PRIVACY);
    expect(pubText).toContain('[不予公开]');
    expect(pubText).toContain('营业执照及经营情况'); // a page-level mark keeps the document's 题名
    for (const w of [PAGE_SECRET, DOC_SECRET, DOC_TITLE, '企业营业收入', '身份证号码', 'PERSONAL']) expect(pubText).not.toContain(squash(w));
    for (const bytes of [p.bytes, inflated(p.file)]) {
      for (const w of [PAGE_SECRET, DOC_SECRET, 'BRAVO', 'CHARLIE', 'PERSONAL ID']) expect(contains(bytes, w), w).toBe(false);
    }
    expect(contains(inflated(p.file), KEPT)).toBe(true); // the search finds what is there once inflated
    expect(p.bytes.includes(v.jpeg)).toBe(false);
    expect(p.bytes.includes(v.jpeg.subarray(0, 4096))).toBe(false);
    const pubNote = squash(execFileSync('pdftotext', ['-f', String(pub.pages), '-l', String(pub.pages), p.file, '-'], { encoding: 'utf8' }));
    expect(pubNote).toContain('本公开版有3页依法不予公开，已以说明理由的占位页代替（商业秘密2页、个人隐私1页）');
    expect((await t.admin.call('volumes.get', { id: v.volumeId })).publicCurrent).toBe(true);

    // Lifting: privacy only by the legal role; a trade secret with the enterprise's consent (a document of this volume).
    const privacy = volume.entries.find((e) => e.id === v.proof.id)?.marks[0]?.id as number;
    const trade = financeMarked.marks[0]?.id as number;
    expect(await v.clerk.raw('volumes.liftNonPublic', { id: privacy, reason: '当事人同意' })).toMatchObject({ ok: false, error: { code: 'VOLUME_LIFT_LEGAL_ONLY' } });
    expect(await v.clerk.raw('volumes.liftNonPublic', { id: trade, reason: '无依据' })).toMatchObject({ ok: false, error: { code: 'VOLUME_LIFT_LEGAL_ONLY' } });
    expect(await v.clerk.raw('volumes.liftNonPublic', { id: privacy, reason: 'x', consentEntryId: v.consent.id })).toMatchObject({ ok: false, error: { code: 'VOLUME_CONSENT_INVALID' } });
    expect(await v.clerk.raw('volumes.liftNonPublic', { id: trade, reason: 'x', consentEntryId: v.finance.id })).toMatchObject({ ok: false, error: { code: 'VOLUME_CONSENT_INVALID' } });
    const lifted = await v.clerk.call('volumes.liftNonPublic', { id: trade, reason: '企业书面同意公开', consentEntryId: v.consent.id });
    expect(lifted.marks).toMatchObject([{ id: trade, liftReason: '企业书面同意公开', consentEntryId: v.consent.id, liftedAt: expect.any(String) }]);
    expect(await v.clerk.raw('volumes.liftNonPublic', { id: trade, reason: 'again', consentEntryId: v.consent.id })).toMatchObject({ ok: false, error: { code: 'VOLUME_MARK_LIFTED' } });
    expect((await t.admin.call('volumes.get', { id: v.volumeId })).publicCurrent).toBe(false);

    // The next public copy shows the lifted document; the other marks still hold. The next full version records the lift.
    const pub2 = await bindPublic(t, v.volumeId);
    expect(pub2).toMatchObject({ version: 2, basedOnVersion: 1, withheldPages: 2 });
    const p2 = await exported(t, v.volumeId, true);
    const p2Text = text(p2.file);
    expect(p2Text).toContain(squash(DOC_SECRET));
    expect(p2Text).toContain(DOC_TITLE);
    expect(p2Text).not.toContain(squash(PAGE_SECRET));
    expect(contains(inflated(p2.file), PAGE_SECRET)).toBe(false);
    expect((await exported(t, v.volumeId, true, 1)).sha256).toBe(pub.sha256);
    const full2 = await bindVolume(t, v.volumeId);
    const f2 = await exported(t, v.volumeId, false);
    const note2 = squash(execFileSync('pdftotext', ['-f', String(full2.pages), '-l', String(full2.pages), f2.file, '-'], { encoding: 'utf8' }));
    expect(note2).toMatch(new RegExp(`《${DOC_TITLE}》（全件）原标记不予公开（商业秘密），已于\\d{4}-\\d{2}-\\d{2}解除，依据企业书面同意（第\\d+件）：企业书面同意公开`));
    expect((await t.admin.call('volumes.get', { id: v.volumeId })).publicCurrent).toBe(false); // a newer full version

    await v.legal.call('volumes.liftNonPublic', { id: privacy, reason: '经审核不涉及个人隐私' });
    const actions = (await t.admin.call('audit.list', { limit: 200 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'volumes.markNonPublic')).toHaveLength(3);
    expect(actions.filter((a) => a === 'volumes.liftNonPublic')).toHaveLength(2);
    expect(actions.filter((a) => a === 'volumes.bindPublic')).toHaveLength(4); // the copy row and the volume, twice
    const { jobId } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toMatchObject({ ok: true });
    await t.app.close();

    // CLI: no current public copy → export --public builds one first.
    const out = path.join(tempDir(), '公开版.pdf');
    const run = await cli(['volume', 'export', String(v.volumeId), '--public', '--out', out, '--data-dir', t.dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ public: true, version: 3, file: out });
    const cliText = text(out);
    expect(cliText).not.toContain(squash(PAGE_SECRET));
    expect(cliText).not.toContain(PLACEHOLDER_PRIVACY);
    expect(fs.readFileSync(out).includes(v.jpeg)).toBe(true);
    const again = await cli(['volume', 'export', String(v.volumeId), '--public', '--out', out, '--data-dir', t.dataDir, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ version: 3 });
  }, 240_000);

  it('leaves out a withheld page’s XObjects even when the kept page shares its resources dictionary', async () => {
    const t = await makeTestContext();
    const v = await markedVolume(t);
    const shared = await importBytes(t, v.volumeId, 'shared.pdf', await sharedResourcesPdf(), { docType: 'evidence', title: '共用资源的文件' });
    if (!shared.ok) throw new Error(JSON.stringify(shared));
    await v.clerk.call('volumes.markNonPublic', { entryId: (shared.value as { id: number }).id, pageIndex: 1, reason: 'state_secret', note: null });
    await bindVolume(t, v.volumeId);
    await bindPublic(t, v.volumeId);
    const f = await exported(t, v.volumeId, false);
    const p = await exported(t, v.volumeId, true);
    expect(text(f.file)).toContain('FORMHIDDENSECRET');
    expect(contains(inflated(f.file), 'FORM HIDDEN SECRET')).toBe(true);
    expect(text(p.file)).toContain('SHAREDKEPTPAGE');
    expect(text(p.file)).toContain('本页涉及国家秘密，依法不予公开');
    expect(contains(inflated(p.file), 'FORM HIDDEN SECRET')).toBe(false);
    expect(contains(p.bytes, 'FORM HIDDEN SECRET')).toBe(false);
    await t.app.close();
  }, 120_000);
});
