import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { PRODUCER_CONNECTION } from '../queue/queue.registry';

type Listener = (sessionId: string) => void;

/**
 * "This session has ended", to every process over Redis pub/sub: the process that revoked a session
 * knows at once, the others as soon as the message arrives (each API process closes that session's
 * subscriptions and stops trusting its cached answer). A message lost while Redis is away is made good
 * by the periodic re-checks (SESSION_CHECK_TTL_MS, SUBSCRIPTION_SESSION_CHECK_SECONDS).
 */
@Injectable()
export class SessionRevocations implements OnModuleDestroy {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly listeners = new Set<Listener>();
  private readonly missedListeners = new Set<() => void>();
  private subscriber: IORedis | null = null;

  constructor(
    @Inject(PRODUCER_CONNECTION) private readonly redis: IORedis,
    private readonly config: AppConfig,
  ) {}

  private get channel(): string {
    return `${this.config.queuePrefix}:session-revoked`;
  }

  /** Tells this process at once, and the others through Redis. */
  async publish(sessionId: string): Promise<void> {
    this.deliver(sessionId);
    try {
      await this.redis.publish(this.channel, sessionId);
    } catch (error) {
      this.logger.warn(
        { err: error },
        'session revocation not broadcast: Redis is unavailable; other processes learn it on their next check',
      );
    }
  }

  /** Calls `listener` with the id of every session revoked anywhere; returns the unsubscribe. */
  onRevoked(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.subscriber) {
      const subscriber = this.redis.duplicate();
      let connectedBefore = false;
      // ioredis subscribes again by itself after a reconnect, but what was published meanwhile is lost.
      subscriber.on('ready', () => {
        if (connectedBefore) for (const listener of this.missedListeners) listener();
        connectedBefore = true;
      });
      subscriber.on('error', (error: Error) => this.logger.warn(`session revocation subscriber: ${error.message}`));
      subscriber.on('message', (channel: string, sessionId: string) => {
        if (channel === this.channel) this.deliver(sessionId);
      });
      subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`session revocation subscribe: ${error.message}`));
      this.subscriber = subscriber;
    }
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after this process was cut off from Redis and may have missed revocations. */
  onMissed(listener: () => void): () => void {
    this.missedListeners.add(listener);
    return () => this.missedListeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    this.missedListeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private deliver(sessionId: string): void {
    for (const listener of this.listeners) listener(sessionId);
  }
}
