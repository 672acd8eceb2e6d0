import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveStaff } from '../support/archive-fixtures';
import { cli } from '../support/cli';
import { archivedVolumeWithSecret, KEPT_TEXT, WITHHELD_TEXT } from '../support/lending-fixtures';
import { makeTestContext, tempDir } from '../support/test-context';

/** pdftotext -raw keeps a diagonal line together; compare without whitespace. */
const textOf = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('casebinder lending … (plain node CLI)', () => {
  it('request → approve by the custody clerk → checkout → return; self-approval refused; an electronic copy written with its watermark; bad usage exits 2', async () => {
    const t = await makeTestContext();
    const v = await archivedVolumeWithSecret(t);
    await archiveStaff(t);
    const clerk = 'dag1'; // Heping's clerk (archiveStaff): the custody bureau
    await t.createUser('jcy-cli', '210102', ['inspector']);
    await t.app.close();
    const dd = ['--data-dir', t.dataDir, '--json'];
    const as = (login: string) => [...dd, '--user', login];
    const ok = async (args: string[]) => {
      const run = await cli(args);
      expect(run.code, `${args.join(' ')}\n${run.stderr}${run.stdout}`).toBe(0);
      return JSON.parse(run.stdout) as Record<string, unknown>;
    };
    const refused = async (args: string[], code: string) => {
      const run = await cli(args);
      expect(run.code, `${args.join(' ')}\n${run.stderr}${run.stdout}`).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code } });
      return run;
    };
    const vol = String(v.volumeId);

    // Paper: the inspector asks, the custody clerk approves, lends out and takes back.
    const asked = await ok(['lending', 'request', vol, '--purpose', '查阅', '--days', '7', '--note', '复查前查阅', ...as('jcy-cli')]);
    expect(asked).toMatchObject({ volumeId: v.volumeId, form: 'paper', purpose: 'consult', purposeNote: '复查前查阅', days: 7, status: 'requested', borrowerName: 'jcy-cli', archiveNo: v.archive.archiveNo });
    const id = String(asked.id);
    expect(await ok(['lending', 'list', '--status', 'pending', ...as(clerk)])).toMatchObject({ total: 1, items: [{ id: asked.id }] });
    await refused(['lending', 'approve', id, ...as('jcy-cli')], 'FORBIDDEN'); // an inspector decides nothing (contract roles)
    await refused(['lending', 'checkout', id, ...as(clerk)], 'LENDING_STATE_INVALID'); // not approved yet
    expect(await ok(['lending', 'approve', id, ...as(clerk)])).toMatchObject({ status: 'approved', decidedByName: clerk });
    expect(await ok(['lending', 'checkout', id, ...as(clerk)])).toMatchObject({ status: 'out', outByName: clerk });
    expect(await ok(['lending', 'list', '--status', 'out', ...as(clerk)])).toMatchObject({ total: 1, items: [{ id: asked.id, state: 'out' }] });
    expect(await ok(['lending', 'return', id, ...as(clerk)])).toMatchObject({ status: 'returned', returnCondition: '完好', returnedByName: clerk });
    const text = await cli(['lending', 'list', '--data-dir', t.dataDir, '--user', 'jcy-cli']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`#${id}`);
    expect(text.stdout).toContain('已归还');

    // The clerk borrowing: refused when approving their own request, with the code and the Chinese message.
    const own = await ok(['lending', 'request', vol, '--purpose', '出证', '--days', '3', ...as(clerk)]);
    await refused(['lending', 'approve', String(own.id), ...as(clerk)], 'LENDING_SELF_APPROVAL');
    const plain = await cli(['lending', 'approve', String(own.id), '--data-dir', t.dataDir, '--user', clerk]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('LENDING_SELF_APPROVAL');
    expect(plain.stderr).toContain('借阅人本人不能批准');
    expect(await ok(['lending', 'reject', String(own.id), '--reason', '另行调阅', ...as('admin')])).toMatchObject({ status: 'rejected', decisionNote: '另行调阅' });

    // Electronic: the borrower writes the watermarked public copy to --out.
    const e = await ok(['lending', 'request', vol, '--electronic', '--purpose', '复制', '--days', '5', ...as('jcy-cli')]);
    expect(e).toMatchObject({ form: 'electronic', purpose: 'copy' });
    await refused(['lending', 'copy', String(e.id), '--out', path.join(tempDir(), 'early.pdf'), ...as('jcy-cli')], 'LENDING_EXPIRED'); // not approved yet
    await ok(['lending', 'approve', String(e.id), ...as(clerk)]);
    const out = path.join(tempDir('casebinder-copy-'), 'sub', '借阅副本.pdf');
    await refused(['lending', 'copy', String(e.id), '--out', out, ...as(clerk)], 'LENDING_NOT_BORROWER');
    expect(fs.existsSync(out)).toBe(false);
    const copy = await ok(['lending', 'copy', String(e.id), '--out', out, ...as('jcy-cli')]);
    expect(copy).toMatchObject({ variant: 'public', file: out });
    const copyText = textOf(out);
    expect(copyText).toContain('借阅：jcy-cli');
    expect(copyText).toContain(v.archive.archiveNo.replace(/\s+/g, ''));
    expect(copyText).toContain(KEPT_TEXT.replace(/\s+/g, ''));
    expect(copyText).not.toContain(WITHHELD_TEXT.replace(/\s+/g, ''));
    await refused(['lending', 'checkout', String(e.id), ...as(clerk)], 'LENDING_STATE_INVALID'); // electronic never goes out

    // Bad usage: exit 2, nothing opened.
    for (const args of [
      ['lending'],
      ['lending', 'lend', id],
      ['lending', 'approve'],
      ['lending', 'approve', 'x'],
      ['lending', 'approve', id, id],
      ['lending', 'request', vol, '--purpose', '借', '--days', '7'],
      ['lending', 'request', vol, '--purpose', '查阅'],
      ['lending', 'request', vol, '--purpose', '查阅', '--days', '1.5'],
      ['lending', 'reject', id],
      ['lending', 'copy', id],
      ['lending', 'list', '--status', 'lost'],
    ]) {
      const run = await cli([...args, ...dd]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('用法');
    }

    // Every step was an audited change: the chain verifies.
    const audit = await cli(['audit', 'verify', ...dd]);
    expect(audit.code, audit.stdout).toBe(0);
  }, 300_000);
});
