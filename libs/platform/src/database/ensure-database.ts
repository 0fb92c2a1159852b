import { Client } from 'pg';

// Held on the maintenance database while one process checks for and creates the database, so that the
// API and the worker starting together do not both try (the loser would get 23505 on pg_database).
const CREATE_DATABASE_LOCK = 724_099;

// duplicate_database, and unique_violation on pg_database_datname_index: another process created it.
const CREATED_BY_ANOTHER = new Set(['42P04', '23505']);

/** Creates the database named in `url` when it does not exist (development convenience); true when this call created it. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`DATABASE_URL names an unusual database "${name}"; create it yourself`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [CREATE_DATABASE_LOCK]);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (e) {
      // A process that does not take the lock (an older version, a person at psql) was quicker.
      if (!CREATED_BY_ANOTHER.has((e as { code?: string }).code ?? '')) throw e;
      return false;
    }
    return true;
  } finally {
    // Ending the session releases the advisory lock as well.
    await client.end();
  }
}
