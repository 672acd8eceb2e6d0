import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaneScanner, parseDeviceOptions } from '../../electron/core/platform/sane';
import { messageZh } from '../../shared/errors/messages-zh';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

/**
 * Scanning through SANE's real `scanimage` against its `test` backend (a virtual frontend-tester device
 * shipped with sane-backends: flatbed and a 10-sheet feeder, and injectable device errors). CI installs
 * sane-utils; elsewhere the suite is skipped with the reason printed.
 */
const hasScanimage = spawnSync('scanimage', ['--version']).status === 0;
if (!hasScanimage) console.log('[scans-scanner] skipped: scanimage (apt sane-utils) is not installed');

const FEEDER = 'Automatic Document Feeder';
let previousConfig: string | undefined;

beforeAll(() => {
  // Only the test backend: no probing of real USB or network scanners from a test.
  const dir = tempDir('casebinder-sane-');
  fs.writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  fs.writeFileSync(path.join(dir, 'test.conf'), 'number_of_devices 2\n');
  previousConfig = process.env.SANE_CONFIG_DIR;
  process.env.SANE_CONFIG_DIR = dir;
});
afterAll(() => {
  if (previousConfig === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = previousConfig;
});

/** The job once it has ended (the acquire job starts the processing job, which ends later). */
async function finished(t: TestContext, jobId: number) {
  for (;;) {
    await t.app.services.jobs.idle();
    const job = await t.admin.call('jobs.get', { id: jobId });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!hasScanimage)('scanner through SANE scanimage (issue 6 item 1)', () => {
  it('lists the devices and their options; a feeder scan becomes one batch of lossless pages that the pipeline processes', async () => {
    const t = await makeTestContext();
    const devices = await t.admin.call('scans.scanners', {});
    expect(devices.map((d) => d.id)).toEqual(['test:0', 'test:1']);
    expect(devices[0]).toMatchObject({ label: 'Noname frontend-tester', type: 'virtual device' });
    const options = await t.admin.call('scans.scannerOptions', { device: 'test:0' });
    expect(options).toMatchObject({ modes: ['Gray', 'Color'], sources: ['Flatbed', FEEDER], feederSources: [FEEDER], resolutionRange: { min: 1, max: 1200 } });
    expect(options.resolutions).toContain(300);

    const { jobId } = await t.admin.call('scans.acquire', { device: 'test:0', dpi: 75, mode: 'Gray', source: FEEDER, feeder: true });
    const job = await finished(t, jobId);
    expect(job.state, JSON.stringify(job.errorDetails)).toBe('succeeded');
    const result = job.result as { batchId: number; processJobId: number; pages: number; interrupted: string | null };
    expect(result).toMatchObject({ pages: 10, interrupted: null }); // the test feeder holds 10 sheets
    const processed = await finished(t, result.processJobId);
    expect(processed.state).toBe('succeeded');
    const batch = await t.admin.call('scans.batch', { id: result.batchId });
    expect(batch.source).toBe('scanner');
    expect(batch.fileList.map((f) => f.originalName)).toEqual(Array.from({ length: 10 }, (_, i) => `page-${String(i + 1).padStart(4, '0')}.png`));
    expect(batch.fileList.every((f) => f.status === 'split' && f.pageCount === 1)).toBe(true);
    const pages = [...batch.unassignedPages, ...batch.documents.flatMap((d) => d.pages)];
    expect(pages).toHaveLength(10);
    // The scanner's 75 dpi came with the PNG (pHYs) and the page is stored as delivered: 75 dpi of the test page.
    const page = await t.admin.call('scans.page', { id: pages[0]!.id });
    expect(page.width).toBeGreaterThan(200);
    expect(page.width).toBeLessThan(300);
    // Nothing left behind in the job's scan folder.
    expect(fs.existsSync(path.join(t.dataDir, 'cache', 'scanner', `job-${jobId}`))).toBe(false);

    // The flatbed gives one page per scan.
    const flat = await finished(t, (await t.admin.call('scans.acquire', { device: 'test:1', dpi: 50, feeder: false })).jobId);
    expect(flat.result).toMatchObject({ pages: 1, interrupted: null });
  });

  it('a jammed feeder, an empty feeder, a missing device and a refused option each fail with their own code and Chinese message; nothing is imported', async () => {
    const t = await makeTestContext();
    const scan = async (request: Partial<Parameters<typeof t.app.services.scanAcquire.start>[1]>) => {
      const bureauId = t.app.services.bureaus.city()!.id;
      const { jobId } = await t.app.services.scanAcquire.start({ userId: null, login: 'test' }, { bureauId, device: 'test:0', dpi: 50, feeder: true, source: FEEDER, ...request }, () => true);
      return finished(t, jobId);
    };
    const jammed = await scan({ deviceOptions: { 'read-return-value': 'SANE_STATUS_JAMMED' } });
    expect(jammed).toMatchObject({ state: 'failed', errorCode: 'SCANNER_JAMMED' });
    expect(messageZh('SCANNER_JAMMED')).toContain('卡纸');
    expect(await scan({ deviceOptions: { 'read-return-value': 'SANE_STATUS_NO_DOCS' } })).toMatchObject({ state: 'failed', errorCode: 'SCANNER_NO_DOCS' });
    expect(await scan({ device: 'nosuch:0' })).toMatchObject({ state: 'failed', errorCode: 'SCANNER_NOT_FOUND' });
    const badMode = await scan({ mode: 'Infrared' });
    expect(badMode).toMatchObject({ state: 'failed', errorCode: 'SCANNER_OPTION_INVALID', errorDetails: { option: 'mode' } });
    expect(await t.admin.call('scans.batches', { page: 1, pageSize: 50 })).toMatchObject({ total: 0 });
  });

  it('without scanimage the list is empty and a scan is refused with SCANNER_UNAVAILABLE', async () => {
    const missing = createSaneScanner({ command: '/nonexistent/scanimage' });
    expect(await missing.list()).toEqual([]);
    await expect(missing.scan({ device: 'test:0', feeder: false, outDir: tempDir() }, () => undefined)).rejects.toMatchObject({ code: 'SCANNER_UNAVAILABLE' });
  });
});

describe('scanimage -A parsing', () => {
  it('reads a device with a list of resolutions and a duplex feeder', () => {
    const options = parseDeviceOptions(`
All options specific to device \`epson2:libusb:001:004':
  Scan Mode:
    --mode Lineart|Gray|Color [Lineart]
        Selects the scan mode.
    --resolution 75|150|300|600|1200dpi [300]
        Sets the resolution of the scanned image.
    --source Flatbed|ADF Front|ADF Duplex [Flatbed]
        Selects the scan source.
`);
    expect(options).toEqual({
      modes: ['Lineart', 'Gray', 'Color'], mode: 'Lineart', resolutions: [75, 150, 300, 600, 1200], resolutionRange: null, resolution: 300,
      sources: ['Flatbed', 'ADF Front', 'ADF Duplex'], source: 'Flatbed', feederSources: ['ADF Front', 'ADF Duplex'],
    });
  });
});
