import type { DataSourceOptions } from 'typeorm';
import type { DatabaseTimeouts } from '../config/app-config';
import { QueryLogger } from './query-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = Function[];

/**
 * `timeouts` bound request work (see README); without them (migrations, one-off scripts) nothing is
 * cut short, since a migration may rightly rewrite a large table or wait for another migrating process.
 */
export function buildDataSourceOptions(
  url: string,
  poolSize: number,
  entities: EntityList,
  migrations: EntityList,
  timeouts?: DatabaseTimeouts,
): DataSourceOptions {
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
    extra: {
      max: poolSize,
      application_name: 'gesit',
      // No JIT compilation: our statements run in milliseconds, but the planner's guesses (a recursive CTE's
      // size, a common search word) can push their estimated cost over jit_above_cost, and compiling then
      // takes 10–450 ms of a request (bench/RESULTS.md, session 12).
      options: '-c jit=off',
      ...(timeouts && {
        // pg-pool: also how long a request waits in line for a pooled connection.
        connectionTimeoutMillis: timeouts.acquireMs,
        // Sent at connection start-up, so they hold for every statement without a round trip of their own.
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.lockMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      }),
    },
  };
}
