import type { DataSourceOptions } from 'typeorm';
import { QueryLogger } from './query-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = Function[];

export function buildDataSourceOptions(url: string, poolSize: number, entities: EntityList, migrations: EntityList): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    // Failures are usually translated into errors a person can act on; the logger keeps parameters out of logs.
    logger: new QueryLogger(),
    maxQueryExecutionTime: 1000,
    extra: { max: poolSize, application_name: 'gesit' },
  };
}
