import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { OutboxRelayService } from './outbox-relay.service';
import { OUTBOX_CHANNEL } from './outbox.service';

const POLL_INTERVAL_MS = 2_000;

/** Runs the relay when a transaction commits outbox rows (LISTEN/NOTIFY), and polls as a fallback. */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayLoop.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelayService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.kick(), POLL_INTERVAL_MS);
    this.kick();
  }

  /** Single-flight: a kick during a run schedules one more run. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relay
      .drain()
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`outbox relay: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => this.kick());
    const lost = (reason: string) => {
      // A client that never finished connecting is retried by the caller of listen().
      if (this.listener !== client || this.stopped) return;
      this.logger.warn(`outbox listener lost: ${reason}; polling until it is back`);
      this.listener = null;
      client.end().catch(() => undefined);
      this.listenAgain();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
  }

  /** Tries to listen again until PostgreSQL is back; the poll keeps the relay going meanwhile. */
  private listenAgain(): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopped || this.listener) return;
      this.listen().catch(() => this.listenAgain());
    }, POLL_INTERVAL_MS);
    this.retry.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}
