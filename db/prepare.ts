import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, buildDataSourceOptions, ensureDatabase } from '@gesit/platform';
import { entities } from './entities';
import { loadMigrations } from './migrations';

// API and worker may start together; one of them migrates while the other waits.
const MIGRATION_LOCK = 724_100;

/** Creates the database if allowed and missing, and runs pending migrations if configured to. */
export async function prepareDatabase(config: AppConfig, logger = new Logger('Database')): Promise<void> {
  if (config.createDatabaseIfMissing && (await ensureDatabase(config.databaseUrl))) {
    logger.log(`created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  }
  if (!config.runMigrationsOnStart) return;
  const dataSource = new DataSource(buildDataSourceOptions(config.databaseUrl, 1, entities, loadMigrations()));
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await dataSource.destroy();
  }
}
