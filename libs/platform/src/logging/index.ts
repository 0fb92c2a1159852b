export { LoggingModule } from './logging.module';
export { createRootLogger } from './root-logger';
export { RequestLogController, echoRequestId } from './request-log.controller';
export { Logger as AppLogger } from 'nestjs-pino';
