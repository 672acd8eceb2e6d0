import { afterEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

const count = async (reader: { get<T>(sql: string): Promise<T | undefined> }) => (await reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM bureaus'))?.n;

describe('Database.readParallel', () => {
  it('gives two connections that see one state: a write asked for meanwhile lands only afterwards', async () => {
    t = await makeTestContext();
    const before = await count(t.app.db);
    let writeDone = false;
    let pendingWrite: Promise<unknown> | null = null;
    const seen = await t.app.db.readParallel(async (readers) => {
      expect(readers).toHaveLength(2);
      pendingWrite = t.app.db
        .write((tx) => tx.run(`INSERT INTO bureaus (division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) SELECT '219999', '测试局', 'district', 'J999', 'TEST', '测试', created_at, updated_at FROM bureaus LIMIT 1`))
        .then(() => (writeDone = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      return Promise.all(readers.map(count));
    });
    expect(seen).toEqual([before, before]);
    expect(writeDone).toBe(false);
    await pendingWrite;
    expect(await count(t.app.db)).toBe((before as number) + 1);
    // The read-only connection refuses writes.
    await expect(t.app.db.readParallel(([, second]) => second!.get(`DELETE FROM bureaus WHERE division_code = '219999'`))).rejects.toThrow(/readonly/i);
  });
});
