import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, AppLogger } from '@gesit/platform';
import { prepareDatabase } from '../../../db/prepare';
import { WorkerModule } from './worker.module';

/** The worker: BullMQ processors, job schedulers and the outbox relay, without an HTTP server. */
export async function startWorker(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplicationContext> {
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: options.logger,
    bufferLogs: options.logger !== false,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  new Logger('Gesit').log('worker ready');
  return app;
}
