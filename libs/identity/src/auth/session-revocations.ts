import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig, createRedisConnection, PRODUCER_CONNECTION } from '@gesit/platform';

type Listener = { revoked(sessionId: string): void; missedSome(): void };

/**
 * Tells every process at once that a session was revoked, over Redis pub/sub, so that another API
 * process stops accepting its access tokens within moments instead of when its cache expires. Pub/sub
 * is best effort: a message sent while a process was cut off from Redis is lost, so a process that
 * reconnects forgets what it remembered as active, and the cache's time limit stays as the backstop.
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly channel: string;
  private subscriber: IORedis | null = null;
  private listener: Listener | null = null;

  constructor(
    @Inject(PRODUCER_CONNECTION) private readonly producer: IORedis,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.queuePrefix}:session-revoked`;
  }

  listen(listener: Listener): void {
    this.listener = listener;
  }

  onModuleInit(): void {
    const subscriber = createRedisConnection(this.config.redisUrl, 'worker');
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) this.listener?.missedSome();
      connectedBefore = true;
    });
    subscriber.on('error', (error: Error) => this.logger.warn(`session revocations: ${error.message}`));
    subscriber.on('message', (_channel: string, sessionId: string) => this.listener?.revoked(sessionId));
    // ioredis subscribes again by itself after a reconnect.
    subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`session revocations: ${error.message}`));
    this.subscriber = subscriber;
  }

  /** Best effort: the revocation is committed already, and the cache's time limit covers a lost message. */
  async publish(sessionId: string): Promise<void> {
    await this.producer.publish(this.channel, sessionId).catch((error: Error) => this.logger.warn(`session revocations: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
