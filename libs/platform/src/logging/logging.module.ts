import { DynamicModule, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { createRootLogger } from './root-logger';

/**
 * Nest's logger and @InjectPinoLogger() on pino. In the API the logger is the one Fastify was built
 * with (see bootstrap), so request lines and application lines share one stream, and logs made while
 * serving a request carry its `reqId`; the worker has no HTTP adapter and makes its own.
 */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig, HttpAdapterHost],
          useFactory: (config: AppConfig, host: HttpAdapterHost) => {
            const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
            const logger = (fastify?.log as Logger | undefined) ?? createRootLogger(config, 'worker');
            return { pinoHttp: { logger }, useExisting: true };
          },
        }),
      ],
    };
  }
}
