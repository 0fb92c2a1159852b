import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import {
  ACCESS_TOKEN_VERIFIER,
  AccessTokenVerifier,
  AppConfig,
  AppErrorFilter,
  AuditResolver,
  AuthGuard,
  buildGraphqlOptions,
  HealthModule,
  LoggingModule,
  MAINTENANCE_QUEUE,
  MetricsModule,
  PlatformModule,
} from '@gesit/platform';
import { CalendarModule } from '@gesit/calendar';
import { CORRESPONDENCE_EVENTS_QUEUE, CorrespondenceModule } from '@gesit/correspondence';
import { FilesModule } from '@gesit/files';
import { IdentityModule } from '@gesit/identity';
import { entities } from '../../../db/entities';
import { loadMigrations } from '../../../db/migrations';
import { GraphiqlModule } from './graphiql/graphiql.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({
          config,
          entities,
          migrations: loadMigrations(),
        }),
        LoggingModule.forRoot(),
        HealthModule,
        // Queues whose depth /metrics reports, besides those this process has used itself.
        MetricsModule.forRoot({ queues: [MAINTENANCE_QUEUE, CORRESPONDENCE_EVENTS_QUEUE] }),
        ...(config.production ? [] : [GraphiqlModule]),
        IdentityModule,
        FilesModule,
        CalendarModule,
        CorrespondenceModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [AppConfig, { token: ACCESS_TOKEN_VERIFIER, optional: true }],
          useFactory: (config: AppConfig, verifier?: AccessTokenVerifier) =>
            buildGraphqlOptions({
              config,
              authenticate: async (token) => (token && verifier ? verifier.verify(token) : null),
            }),
        }),
      ],
      providers: [
        AuditResolver,
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: APP_FILTER,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => new AppErrorFilter(config.production),
        },
      ],
    };
  }
}
