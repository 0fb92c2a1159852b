import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module';
import { SessionRevocations } from './auth/session-revocations';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions, EntityList } from './database/data-source-options';
import { guardSecondConnections } from './database/transactions';
import { prepareStatements } from './database/prepared-statements';
import { RateLimiter } from './http/rate-limiter';
import { QueueModule } from './queue/queue.module';
import { StorageModule } from './storage/storage.module';

export interface PlatformOptions {
  config: AppConfig;
  entities: EntityList;
  migrations: EntityList;
}

/** Configuration, database, queues and the audit log: what every app of Gesit stands on. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            buildDataSourceOptions(
              options.config.databaseUrl,
              options.config.databasePoolSize,
              options.entities,
              options.migrations,
              options.config.databaseTimeouts,
            ),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            // Outside production a second connection taken inside a transaction fails loudly (see inTransaction).
            if (!options.config.production) guardSecondConnections(dataSource);
            if (options.config.databasePreparedStatements > 0) prepareStatements(dataSource, options.config.databasePreparedStatements);
            return dataSource;
          },
        }),
        QueueModule,
        AuditModule,
        StorageModule,
      ],
      providers: [RateLimiter, SessionRevocations],
      exports: [ConfigModule, TypeOrmModule, QueueModule, AuditModule, StorageModule, RateLimiter, SessionRevocations],
    };
  }
}
