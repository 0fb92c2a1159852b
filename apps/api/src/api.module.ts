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
  FailedJobsResolver,
  FailedJobsService,
  HealthModule,
  KNOWN_QUEUES,
  LiveConnections,
  LoggingModule,
  MAINTENANCE_QUEUE,
  MetricsModule,
  PlatformModule,
} from '@gesit/platform';
import { ARCHIVE_OCR_QUEUE, ARCHIVE_QUEUE, ArchiveModule } from '@gesit/archive';
import { CalendarModule } from '@gesit/calendar';
import { APPROVAL_EVENTS, ApprovalsModule } from '@gesit/approvals';
import { CORRESPONDENCE_EVENTS, CorrespondenceModule } from '@gesit/correspondence';
import { FILES_QUEUE, FilesModule } from '@gesit/files';
import { IDENTITY_EVENTS, IdentityModule } from '@gesit/identity';
import { NOTIFICATION_EMITTER, NOTIFICATIONS_QUEUE, NotificationsModule, REMINDERS } from '@gesit/notifications';
import { TASK_FOLLOW_UPS, TASKS_EVENTS, TasksModule } from '@gesit/tasks';
import { entities } from '../../../db/entities';
import { loadMigrations } from '../../../db/migrations';
import { GraphiqlModule } from './graphiql/graphiql.module';
import { WebConsoleModule } from './web-console/web-console.module';

/** Subscription connections watched for revoked sessions and expired tokens; it needs identity's token verifier. */
@Module({ imports: [IdentityModule], providers: [LiveConnections], exports: [LiveConnections] })
class LiveConnectionsModule {}

/** The application's queues: /metrics reports their depth and the failed-jobs view lists them. */
const QUEUES = [
  MAINTENANCE_QUEUE,
  IDENTITY_EVENTS.queue,
  CORRESPONDENCE_EVENTS.queue,
  APPROVAL_EVENTS.queue,
  NOTIFICATIONS_QUEUE,
  REMINDERS.queue,
  FILES_QUEUE,
  TASKS_EVENTS.queue,
  TASK_FOLLOW_UPS.queue,
  ARCHIVE_QUEUE,
  ARCHIVE_OCR_QUEUE,
];

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
        MetricsModule.forRoot({ queues: QUEUES }),
        ...(config.production ? [] : [GraphiqlModule]),
        IdentityModule,
        FilesModule,
        CalendarModule,
        CorrespondenceModule,
        ApprovalsModule,
        NotificationsModule,
        TasksModule,
        ArchiveModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [NotificationsModule, LiveConnectionsModule],
          inject: [AppConfig, NOTIFICATION_EMITTER, LiveConnections, { token: ACCESS_TOKEN_VERIFIER, optional: true }],
          useFactory: (config: AppConfig, emitter: unknown, live: LiveConnections, verifier?: AccessTokenVerifier) =>
            buildGraphqlOptions({
              config,
              emitter,
              live,
              authenticate: async (token) => (token && verifier ? verifier.verify(token) : null),
            }),
        }),
        // Last: its catch-all GET route serves the console for every path the API does not answer.
        WebConsoleModule,
      ],
      providers: [
        AuditResolver,
        { provide: KNOWN_QUEUES, useValue: QUEUES },
        FailedJobsService,
        FailedJobsResolver,
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
