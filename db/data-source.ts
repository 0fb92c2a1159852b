import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, loadConfig } from '@gesit/platform';
import { entities } from './entities';
import { loadMigrations } from './migrations';

/** The one DataSource definition, used by the apps and by the TypeORM CLI (`npm run migration:*`). */
export function createDataSource(databaseUrl = loadConfig().databaseUrl, poolSize = 4): DataSource {
  return new DataSource(buildDataSourceOptions(databaseUrl, poolSize, entities, loadMigrations()));
}

export default createDataSource();
