export { AppConfig, loadConfig, ConfigError, type DatabaseTimeouts, type WhatsAppSettings } from './config/app-config';
export { ConfigModule } from './config/config.module';
export * from './database';
export * from './audit';
export * from './queue';
export * from './failed-jobs';
export { MaintenanceProcessor, MAINTENANCE_QUEUE } from './maintenance/maintenance.processor';
export { PlatformModule, type PlatformOptions } from './platform.module';
export * from './errors/errors';
export { type Message, isMessage, localize } from './errors/message';
export { LocalDateScalar } from './graphql/scalars';
export {
  Connection,
  lazyTotalCountResolver,
  MICROSECOND_CURSOR,
  PageInfo,
  pageSize,
  encodeCursor,
  decodeCursor,
  toConnection,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './graphql/connection';
export { Loaders, orderByKeys, groupByKeys, type GraphqlContext, type GraphqlRequest } from './graphql/request-context';
export { byIdLoader, byColumnLoader } from './graphql/entity-loaders';
export { buildGraphqlOptions, type GraphqlOptionsInput } from './graphql/graphql-options';
export { selectedFieldNames } from './graphql/selection';
export { requestLanguage, type Language } from './graphql/language';
export { type Principal, type AccessTokenVerifier, ACCESS_TOKEN_VERIFIER, bearerToken } from './auth/principal';
export { Public, Roles, AllowDuringMfaEnrolment, CurrentUser, requestOf } from './auth/auth.decorators';
export { AuthGuard } from './auth/auth.guard';
export { SessionRevocations } from './auth/session-revocations';
export { LiveConnections, EXPIRED_CLOSE, REVOKED_CLOSE } from './graphql/live-connections';
export { AppErrorFilter, HTTP_STATUS } from './http/app-error.filter';
export { registerGraphqlCsrfProtection } from './http/csrf.hook';
export { RateLimiter } from './http/rate-limiter';
export * from './storage';
export { HealthModule } from './health';
export { MetricsModule, MetricsService, type MetricsOptions, registerHttpMetrics } from './metrics';
export { LoggingModule, AppLogger, createRootLogger, RequestLogController, echoRequestId } from './logging';
export { isUuid } from './database/ids';
