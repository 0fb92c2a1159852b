import { FactoryProvider, Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import IORedis from 'ioredis';
import createRedisEmitter from 'mqemitter-redis';
import type { MQEmitterRedis } from 'mqemitter-redis';
import { AppConfig } from '@gesit/platform';

/** mqemitter over Redis pub/sub: what the worker publishes reaches the subscribers of every API process. */
export type NotificationEmitter = MQEmitterRedis & { state: EventEmitter };

export const NOTIFICATION_EMITTER = Symbol('NOTIFICATION_EMITTER');

const logger = new Logger('NotificationEmitter');

export const notificationEmitterProvider: FactoryProvider<NotificationEmitter> = {
  provide: NOTIFICATION_EMITTER,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    // The publishing connection pipelines the pushes of one tick (a batch of deliveries) into one socket write.
    const pubConn = new IORedis(config.redisUrl, { enableAutoPipelining: true });
    const emitter = createRedisEmitter({ connectionString: config.redisUrl, pubConn }) as NotificationEmitter;
    // Without a listener an 'error' event would throw and end the process; ioredis reconnects by itself.
    emitter.state.on('error', (error: Error) => logger.warn(`Redis emitter: ${error.message}`));
    return emitter;
  },
};

export function closeEmitter(emitter: NotificationEmitter): Promise<void> {
  return new Promise((resolve) => emitter.close(() => resolve()));
}
