import type { DataSource, EntityManager } from 'typeorm';
import { guardSecondConnections, inTransaction, refusedSecondConnections, SecondConnectionError } from './transactions';

/** A DataSource whose pool hands out numbered connections, and whose transaction takes one first. */
function fakeDataSource() {
  let taken = 0;
  const driver = { obtainMasterConnection: async () => ++taken };
  const dataSource = {
    driver,
    async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
      await driver.obtainMasterConnection();
      return work({} as EntityManager);
    },
    query: () => driver.obtainMasterConnection(),
  };
  return { dataSource: dataSource as unknown as DataSource & { query(): Promise<number> }, taken: () => taken };
}

describe('guardSecondConnections', () => {
  const { dataSource, taken } = fakeDataSource();
  beforeAll(() => guardSecondConnections(dataSource));

  it('refuses a pooled connection asked for inside transaction work', async () => {
    const before = refusedSecondConnections();
    await expect(inTransaction(dataSource, () => dataSource.query())).rejects.toBeInstanceOf(SecondConnectionError);
    // Counted too, for a caller that swallows the error.
    await inTransaction(dataSource, () => dataSource.query().catch(() => 0));
    expect(refusedSecondConnections()).toBe(before + 2);
  });

  it('lets the transaction take its own connection, and work outside any transaction take one', async () => {
    const before = taken();
    await expect(inTransaction(dataSource, async () => 'done')).resolves.toBe('done');
    await expect(dataSource.query()).resolves.toBe(before + 2);
  });

  it('does not count work that outlives its transaction as part of it', async () => {
    let later: Promise<number> | undefined;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await inTransaction(dataSource, async () => {
      later = gate.then(() => dataSource.query());
    });
    release();
    await expect(later).resolves.toEqual(expect.any(Number));
  });
});
