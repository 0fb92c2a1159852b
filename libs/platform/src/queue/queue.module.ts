import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { OutboxRelayLoop } from './outbox-relay.loop';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { PRODUCER_CONNECTION, QueueRegistry } from './queue.registry';
import { createRedisConnection } from './redis-connection';
import { WorkerHostService } from './worker-host.service';

/** Producers: the queue registry and the outbox (both apps). */
@Global()
@Module({
  providers: [
    {
      provide: PRODUCER_CONNECTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createRedisConnection(config.redisUrl, 'producer'),
    },
    QueueRegistry,
    OutboxService,
    OutboxRelayService,
  ],
  exports: [PRODUCER_CONNECTION, QueueRegistry, OutboxService, OutboxRelayService],
})
export class QueueModule {}

/** Consumers: BullMQ workers for every @QueueProcessor, and the outbox relay loop (worker app only). */
@Module({
  imports: [DiscoveryModule],
  providers: [WorkerHostService, OutboxRelayLoop],
  exports: [OutboxRelayLoop],
})
export class QueueWorkerModule {}
