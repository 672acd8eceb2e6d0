import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, DRAW_RECORD_FORMAT, type StratumKey } from '../../shared/domain/draws/draw-types';
import { DrawRecord } from '../../shared/domain/draws/draw-record';
import { breakLines, type MissingGlyph } from '../../electron/core/documents/pdf-builder';
import { formatBeijingTime, renderDrawRecordPdf } from '../../electron/core/draws/draw-record-pdf';

const fontBytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '../../resources/fonts/wqy-microhei.ttf')));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-draw-pdf-'));
afterAll(() => { if (!process.env.KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true }); });

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const SEED = sha('seed bytes for the test');

const TARGETS = [
  { code: '91210102MA0XY12326', name: '沈阳市和平区鑫盛源餐饮管理有限公司', stratum: 'higher/C' },
  { code: '91210103MA0P5GQ81K', name: '沈阳华联百货超市有限公司沈河分店', stratum: 'higher/C' },
  { code: '92210102MA0Y3K7F2B', name: '和平区老边饺子馆', stratum: 'higher/C' },
  { code: '91210106MA10LX6A3T', name: '辽宁北方药业连锁有限公司', stratum: 'unrated/unrated' },
  { code: '91210112MA0UQ7JH9D', name: '沈阳浑南新区特种设备检测有限公司', stratum: 'unrated/unrated' },
] as const satisfies readonly { code: string; name: string; stratum: StratumKey }[];

const CANDIDATES = [
  { id: 11, name: '张明', certNo: '21010220190001' },
  { id: 12, name: '李晓红', certNo: '21010220200417' },
  { id: 13, name: '王建国', certNo: '21010320180233' },
];

type Target = { code: string; name: string; stratum: StratumKey };

function makeRecord(targets: readonly Target[]): DrawRecord {
  const selected = targets.map((t, i) => ({ seq: i + 1, targetId: 1000 + i, code: t.code, name: t.name, stratum: t.stratum }));
  const strataKeys = [...new Set(targets.map((t) => t.stratum))];
  const strata = strataKeys.map((stratum, i) => {
    const sampleSize = targets.filter((t) => t.stratum === stratum).length;
    return { stratum, size: sampleSize * 20 + i, digest: sha(`stratum ${stratum}`), ratioBp: i === 0 ? 500 : 250, sampleSize };
  });
  return DrawRecord.parse({
    format: DRAW_RECORD_FORMAT,
    algorithm: DRAW_ALGORITHM,
    drawId: 42,
    task: {
      id: 7,
      name: '2026年餐饮服务食品安全随机抽查',
      planTitle: '沈阳市和平区市场监督管理局2026年度“双随机、一公开”抽查工作计划',
      year: 2026,
      bureau: { id: 3, code: '210102', name: '沈阳市和平区市场监督管理局' },
      purpose: 'general',
      directed: false,
      scope: '营利性市场主体；和平区市场监督管理局；行业：餐饮服务、食品销售；状态：存续',
      items: [
        { id: 1, name: '食品经营者经营条件的检查', itemClass: 'general' },
        { id: 2, name: '食品生产者生产过程控制的检查', itemClass: 'key' },
      ],
    },
    seed: { source: 'csprng', commitment: sha(`commit ${SEED}`), committedAt: '2026-03-05T01:58:00.000Z', hex: SEED, note: null },
    drawnAt: '2026-03-05T02:15:30.000Z',
    operator: { userId: 1, login: 'zhaolei', name: '赵磊' },
    witness: '孙丽（社会监督员）',
    population: { digest: sha('population'), size: strata.reduce((n, s) => n + s.size, 0), strata },
    exclusions: { total: 9, byReason: { inspected_this_year: 6, not_active: 3 }, digest: sha('exclusions') },
    selected,
    selectedDigest: sha('selected'),
    matching: {
      rules: {
        teamSize: 2,
        maxPerInspector: null,
        requiredSkills: [],
        matchRegion: false,
        avoidLastPair: true,
        window: { from: '2026-03-10', to: '2026-06-30' },
        expertsPerTarget: 1,
        expertFields: ['食品安全'],
      },
      candidates: CANDIDATES.map((c) => ({
        ...c,
        enforcementQualified: true,
        active: true,
        certValidFrom: '2024-01-01',
        certValidTo: '2028-12-31',
        skills: ['食品'],
        region: null,
        absences: [],
      })),
      experts: [{ id: 51, name: '周文博', field: '食品安全', active: true }],
      targets: selected.map((t) => ({ targetId: t.targetId, seq: t.seq, region: null, recusedInspectorIds: [], lastInspectorIds: [] })),
      assignments: selected.map((t, i) => ({
        targetId: t.targetId,
        inspectorIds: [CANDIDATES[i % 3]!.id, CANDIDATES[(i + 1) % 3]!.id],
        expertIds: i % 2 === 0 ? [51] : [],
      })),
      digest: sha('matching'),
    },
  });
}

function manyTargets(count: number): Target[] {
  const stem = ['鑫盛', '华联', '北方', '东陵', '盛京', '浑河', '辽沈', '兴隆'];
  return Array.from({ length: count }, (_, i) => ({
    code: `91210102MA${String(i).padStart(7, '0')}X`,
    name: `沈阳市${stem[i % stem.length]}商贸有限公司第${i + 1}分店`,
    stratum: i < count / 2 ? 'high/D' : 'low/A',
  }));
}

async function render(record: DrawRecord, name: string, onMissingGlyphs?: (m: MissingGlyph[]) => void) {
  const bytes = await renderDrawRecordPdf(record, { fontBytes, ...(onMissingGlyphs ? { onMissingGlyphs } : {}) });
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { bytes, file };
}

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', file))?.[1]);
/** pdftotext separates pages with form feeds. */
const pagesOf = (file: string) => run('pdftotext', '-layout', file, '-').split('\f').slice(0, -1);

describe('draw record PDF', () => {
  it('prints the task, seed, digests, targets and inspectors with one embedded subset font', async () => {
    const record = makeRecord(TARGETS);
    const { bytes, file } = await render(record, 'record.pdf');
    const text = run('pdftotext', '-layout', file, '-');

    for (const expected of ['随机抽查摇号记录', '沈阳市和平区市场监督管理局', record.seed.hex, record.population.digest, '第 1 页 共', '不定向抽查', '一般事项日常抽查']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(formatBeijingTime(record.drawnAt));
    expect(formatBeijingTime(record.drawnAt)).toBe('2026-03-05 10:15:30');
    // A long name wraps inside its cell, and -layout interleaves the cells of a row: read names in drawing order.
    const raw = run('pdftotext', '-raw', file, '-').replace(/\s+/g, '');
    for (const target of TARGETS) {
      expect(text).toContain(target.code);
      expect(raw).toContain(target.name);
    }
    expect(text).toContain('和平区老边饺子馆');
    for (const c of CANDIDATES) expect(text).toContain(`${c.name}（${c.certNo}）`);
    expect(text).toContain('较高/C类');
    expect(text).toContain('5.00%');

    const fonts = run('pdffonts', file).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(1);
    // name type encoding emb sub uni object ID: pdf-lib writes no ABCDEF+ tag, so poppler says `sub no`;
    // the file size proves the subset (the whole font is 4.6 MB).
    expect(fonts[0]).toMatch(/^WenQuanYiMicroHei\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    expect(pageCount(file)).toBeGreaterThanOrEqual(1);
    expect(run('pdfinfo', file)).toMatch(/Producer:\s+casebinder/);

    const again = await renderDrawRecordPdf(record, { fontBytes });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true); // same record, same bytes
  });

  it('repeats the table header on every page of a 3,000-row list and numbers every page', async () => {
    const targets = manyTargets(3000);
    const { file } = await render(makeRecord(targets), 'large.pdf');
    const total = pageCount(file);
    expect(total).toBeGreaterThan(1);

    const pages = pagesOf(file);
    expect(pages).toHaveLength(total);
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${total} 页`));
    const tablePages = pages.map((page, i) => ({ page, n: i + 1 })).filter(({ page }) => /91210102MA\d{7}X/.test(page));
    expect(tablePages.length).toBeGreaterThan(20);
    for (const { page } of tablePages) expect(page).toMatch(/序号\s+统一社会信用代码\/标识\s+名称/);

    const lastRowPage = tablePages[tablePages.length - 1]!.n;
    const last = run('pdftotext', '-layout', '-f', String(lastRowPage), '-l', String(lastRowPage), file, '-');
    expect(last).toContain('统一社会信用代码/标识');
    expect(last).toContain(targets[2999]!.code);
    const final = run('pdftotext', '-layout', '-f', String(total), '-l', String(total), file, '-');
    expect(final).toContain(`第 ${total} 页 共 ${total} 页`);
    expect(final).toContain('监督人');
  });

  it('prints characters the font lacks as □ and reports them', async () => {
    const targets = [{ code: '91210102MA0XY12326', name: '𠀀记😀餐饮店', stratum: 'medium/B' as const }];
    const reported: MissingGlyph[] = [];
    const { file } = await render(makeRecord(targets), 'missing.pdf', (m) => reported.push(...m));
    expect(run('pdftotext', '-layout', file, '-')).toContain('□记□餐饮店');
    expect(reported).toEqual([
      { char: '𠀀', codePoint: 'U+20000', count: 1 },
      { char: '😀', codePoint: 'U+1F600', count: 1 },
    ]);
  });
});

describe('line breaking', () => {
  const width = (text: string) => [...text].length; // every character 1 em wide

  it('breaks between CJK characters, keeps Latin words whole and never drops a character', () => {
    const lines = breakLines('检查对象 ABCDEF 名称为某某公司', 8, width);
    expect(lines).toEqual(['检查对象', 'ABCDEF 名', '称为某某公司']);
    expect(lines.join('').replace(/ /g, '')).toBe('检查对象ABCDEF名称为某某公司');
  });

  it('splits a digest longer than a line and keeps closing punctuation off the line start', () => {
    expect(breakLines('x'.repeat(20), 8, width)).toEqual(['x'.repeat(8), 'x'.repeat(8), 'x'.repeat(4)]);
    expect(breakLines('一二三四五六七八，九', 8, width)).toEqual(['一二三四五六七', '八，九']);
    expect(breakLines('甲\n\n乙', 8, width)).toEqual(['甲', '', '乙']);
  });
});
