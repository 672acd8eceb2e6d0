import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from '../support/cli';
import { tempDir } from '../support/test-context';

/** From an unrelated folder, with extra environment variables. */
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: tempDir(), env });



/** Invented for the test (not the real 2027 notice): 元旦 2027-01-01 (Fri) off. */
const FILE_2027 = JSON.stringify({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });

describe('casebinder workdays add (plain node CLI)', () => {
  it('needs no data folder: prints the due date as JSON, or a Chinese sentence', async () => {
    // Point the default data folder somewhere that does not exist: the command must not touch it.
    const env = { CASEBINDER_DATA: path.join(tempDir(), 'never-created') };
    const json = await cli(['workdays', 'add', '2025-09-26', '10', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe('{"due":"2025-10-16","calendarCovered":true}\n');

    const text = await cli(['workdays', 'add', '2025-09-26', '10'], env);
    expect(text.stdout).toContain('自 2025-09-26（星期五）起 10 个工作日（起算日不计入）：截止 2025-10-16（星期四）。');
    expect(text.stdout).toContain('内置国务院放假安排（2007–2026 年）');

    expect(JSON.parse((await cli(['workdays', 'add', '2025-10-01', '0', '--json'], env)).stdout)).toEqual({ due: '2025-10-01', calendarCovered: true });
    expect(JSON.parse((await cli(['workdays', 'add', '2031-03-07', '10', '--json'], env)).stdout)).toEqual({ due: '2031-03-21', calendarCovered: false });
    expect((await cli(['workdays', 'add', '2031-03-07', '10'], env)).stdout).toContain('注意：2031 年的放假安排未载入');
    // Dates as people type them are read too.
    expect(JSON.parse((await cli(['workdays', 'add', '2026年2月10日', '10', '--json'], env)).stdout)).toEqual({ due: '2026-03-02', calendarCovered: true });
  }, 60_000);

  it.each([
    [['workdays', 'add', '2025-02-30', '1']],
    [['workdays', 'add', '2025-09-26', 'ten']],
    [['workdays', 'add', '2025-09-26']],
    [['workdays', 'add', '2025-09-26', '1', '2']],
  ])('%j prints the usage and exits 2', async (args) => {
    const res = await cli(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('用法：casebinder workdays add');
  });

  it('with --data-dir, the folder’s imported years count too', async () => {
    const dataDir = path.join(tempDir(), 'data');
    expect((await cli(['init', '--data-dir', dataDir, '--json'])).code).toBe(0);
    const imported = await cli(['call', 'calendar.importYear', '--data-dir', dataDir, '--user', 'admin', '--input', JSON.stringify({ json: FILE_2027 }), '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, value: { year: 2027, source: 'imported' } });
    // 2026-12-31 (Thu) = 1; 2027-01-01 is off only with the imported file.
    expect(JSON.parse((await cli(['workdays', 'add', '2026-12-30', '2', '--data-dir', dataDir, '--json'])).stdout)).toEqual({ due: '2027-01-04', calendarCovered: true });
    expect(JSON.parse((await cli(['workdays', 'add', '2026-12-30', '2', '--json'])).stdout)).toEqual({ due: '2027-01-01', calendarCovered: false });
    expect((await cli(['workdays', 'add', '2026-12-30', '2', '--data-dir', dataDir])).stdout).toContain('其中 2027 年为导入数据');
  }, 60_000);
});
