// Run by the e2e global setup through @swc-node/register (Jest's global setup has no path aliases):
// drops the test database, creates it again and applies every migration.
import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '@gesit/platform';
import { prepareDatabase } from '../../db/prepare';
import { TEST_DATABASE_URL, testEnv } from './env';

async function main(): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await prepareDatabase(loadConfig(testEnv({ MIGRATIONS_RUN_ON_START: 'true', DATABASE_CREATE_IF_MISSING: 'true' })));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
