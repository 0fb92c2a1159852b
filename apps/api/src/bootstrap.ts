import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import fastifyMultipart from '@fastify/multipart';
import {
  AppConfig,
  AppLogger,
  createRootLogger,
  echoRequestId,
  MetricsService,
  registerGraphqlCsrfProtection,
  registerHttpMetrics,
  RequestLogController,
} from '@gesit/platform';
import { prepareDatabase } from '../../../db/prepare';
import { ApiModule } from './api.module';

/** Builds the HTTP application (without listening), so main.ts and the end-to-end tests start the same thing. */
export async function createApi(
  config: AppConfig,
  options: { logger?: false; logDestination?: DestinationStream } = {},
): Promise<NestFastifyApplication> {
  await prepareDatabase(config);
  const adapter = new FastifyAdapter({
    loggerInstance: createRootLogger(config, 'api', options.logDestination),
    logController: new RequestLogController(),
    // X-Forwarded-For and -Host are believed only from the configured proxies: otherwise anyone could pick
    // the address that rate limits and the audit log see.
    trustProxy: config.trustedProxies,
    bodyLimit: 1024 * 1024,
    // Mercurius builds the GraphQL schema while it registers: on a starved machine that took longer than Fastify's
    // 10 s default and the API failed to start ("Plugin did not start in time: 'mercurius'").
    pluginTimeout: 120_000,
    // No request may take forever to arrive (a slow upload holds a spool file and a connection).
    requestTimeout: config.httpRequestTimeoutMs,
    connectionTimeout: config.httpConnectionTimeoutMs,
    http: {
      // Node checks for requests over their time at this interval (30 s by default, longer than a short timeout),
      // and enforces requestTimeout only while headersTimeout is not longer (Fastify sets requestTimeout later).
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(config.httpRequestTimeoutMs / 10))),
      headersTimeout: Math.min(60_000, config.httpRequestTimeoutMs),
    },
    genReqId: (request: FastifyRequest['raw']) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: options.logger,
    bufferLogs: options.logger !== false,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(AppLogger));
  echoRequestId(app.getHttpAdapter().getInstance());
  registerHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsService));
  registerGraphqlCsrfProtection(app.getHttpAdapter().getInstance());
  await app.register(fastifyMultipart as never, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, parts: 11 } });
  app.enableShutdownHooks();
  return app;
}

export async function startApi(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createApi(config);
  await app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  new Logger('Gesit').log(`API ready: console ${base}/, GraphQL ${base}/graphql${config.production ? '' : `, GraphiQL ${base}/graphiql`}`);
  return app;
}
