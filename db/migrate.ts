// `npm run migration:run:prod` (dist/db/migrate.js): applies pending migrations from the build, for
// production images that have no development dependencies. Same lock and order as the start-up
// migration in prepare.ts.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gesit/platform';
import { prepareDatabase } from './prepare';

async function main(): Promise<void> {
  await prepareDatabase(loadConfig({ ...process.env, MIGRATIONS_RUN_ON_START: 'true' }));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
