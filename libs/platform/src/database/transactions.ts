import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

interface OpenTransaction {
  active: boolean;
}

// Set only while the guard is on: without it a transaction costs no more than TypeORM's own.
let openTransaction: AsyncLocalStorage<OpenTransaction> | null = null;
let refused = 0;

/** Runs `work` in one transaction; the one way Gesit services change state. */
export function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const tracker = openTransaction;
  if (!tracker) return dataSource.transaction(work);
  return dataSource.transaction(async (em) => {
    // Marked only once TypeORM holds the transaction's own connection, and unmarked when the work ends, so
    // work that outlives it (a timer, a socket opened inside) is not taken for part of it.
    const open: OpenTransaction = { active: true };
    try {
      return await tracker.run(open, () => work(em));
    } finally {
      open.active = false;
    }
  });
}

/** Code inside a transaction asked the pool for another connection. */
export class SecondConnectionError extends Error {
  constructor() {
    super(
      "A query inside a transaction asked the pool for a second connection; pass the transaction's EntityManager instead " +
        '(with more concurrent transactions than connections, each would wait for the other forever).',
    );
    this.name = 'SecondConnectionError';
  }
}

/**
 * Makes every pooled connection taken while `inTransaction` work runs fail with SecondConnectionError,
 * so that the test suite proves no path does it. It costs an AsyncLocalStorage context per transaction,
 * so the platform turns it on outside production only.
 */
export function guardSecondConnections(dataSource: DataSource): void {
  openTransaction ??= new AsyncLocalStorage<OpenTransaction>();
  const tracker = openTransaction;
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<unknown>; __guarded?: boolean };
  if (driver.__guarded) return;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    if (tracker.getStore()?.active) {
      refused++;
      return Promise.reject(new SecondConnectionError());
    }
    return obtain();
  };
  driver.__guarded = true;
}

/** How many second connections the guard refused in this process: a caller may have swallowed the error, the count stays. */
export function refusedSecondConnections(): number {
  return refused;
}

/** True when a PostgreSQL error is a unique-constraint violation (optionally of one constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}
