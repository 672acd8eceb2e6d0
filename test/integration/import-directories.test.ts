import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

async function importText(t: TestContext, directory: 'items' | 'inspectors', name: string, text: string): Promise<ImportResult> {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  const staged = await t.admin.call('imports.stageFile', { path: file });
  const { jobId } = await t.admin.call('imports.start', { stagedId: staged.id, directory } as never);
  await t.app.services.jobs.idle();
  const job = await t.admin.call('jobs.get', { id: jobId });
  expect(job.state, JSON.stringify(job.errorDetails)).toBe('succeeded');
  return job.result as ImportResult;
}

describe('the import engine drives every directory', () => {
  it('imports an item list through the engine, naming the new list version after the file', async () => {
    t = await makeTestContext();
    const result = await importText(
      t,
      'items',
      '2026年市级清单.csv',
      '抽查类别,抽查事项,检查对象,事项类别,检查方式,业务条线\n登记事项检查,营业执照（登记证）规范使用情况的检查,企业,一般,现场检查、网络检查,信用监管\n特种设备,特种设备使用单位的检查,使用单位,重点,现场检查,特种设备\n公示信息检查,年度报告公示信息的检查,企业,特别,书面检查,信用监管\n',
    );
    expect(result).toMatchObject({ inserted: 2, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ line: 4, column: '事项类别' });
    const versions = await t.admin.call('items.versions', { bureauId: t.bureauId('210100'), level: 'city', businessLine: '信用监管' } as never);
    expect(JSON.stringify(versions)).toContain('2026年市级清单.csv');
  });

  it('imports inspectors through the engine', async () => {
    t = await makeTestContext();
    const result = await importText(
      t,
      'inspectors',
      '执法人员.csv',
      '姓名,执法证号,证件有效期至,所属单位,业务条线,专长\n张执法,LN21010200001,2028-12-31,和平区,信用监管、食品安全,食品\n李执法,LN21010300002,2028/6/30,沈河区市场监督管理局,特种设备,锅炉\n王无证,,,,信用监管,\n',
    );
    expect(result).toMatchObject({ inserted: 2, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ line: 4, column: '所属单位', code: 'IMPORT_REQUIRED' });
  });
});
