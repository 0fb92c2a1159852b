import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { PRODUCER_CONNECTION } from '../queue/queue.registry';
import { OBJECT_STORAGE, ObjectStorage } from '../storage/object-storage';

// Below a load balancer's usual probe timeout, so a hung dependency reads as "down", not as a dead API.
const CHECK_TIMEOUT_MS = 2_000;

/** The services the API cannot serve without, each checked with a cheap round trip. */
@Injectable()
export class DependencyHealth {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(PRODUCER_CONNECTION) private readonly producer: IORedis,
    // Optional so readiness keeps working in an app that has no object storage wired.
    @Optional() @Inject(OBJECT_STORAGE) private readonly storage?: ObjectStorage,
  ) {}

  readinessChecks(): HealthIndicatorFunction[] {
    const checks: HealthIndicatorFunction[] = [
      () =>
        this.health
          .check('database')
          .attempt(async () => void (await this.dataSource.query('SELECT 1')))
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.health
          .check('redis')
          .attempt(async () => void (await this.producer.ping()))
          .withTimeout(CHECK_TIMEOUT_MS),
    ];
    const storage = this.storage;
    if (storage) {
      checks.push(() =>
        this.health
          .check('storage')
          .attempt(async () => {
            await storage.ping();
            return { driver: storage.driver };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      );
    }
    return checks;
  }
}
