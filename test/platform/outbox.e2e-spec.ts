import { Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { createRedisConnection, OutboxRelayService, OutboxService, QueueRegistry } from '@gesit/platform';
import { startTestApi, TestApi } from '../harness/app';

// The relay is exercised with a queue of this test's own and a real BullMQ worker counting effects.
const QUEUE = `outbox-e2e-${process.pid}`;

describe('transactional outbox', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let outbox: OutboxService;
  let relay: OutboxRelayService;
  let worker: Worker;
  let redis: IORedis;
  const effects: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    dataSource = api.app.get(DataSource);
    outbox = api.app.get(OutboxService);
    relay = api.app.get(OutboxRelayService);
    redis = createRedisConnection(api.config.redisUrl, 'worker');
    worker = new Worker(QUEUE, async (job: Job) => void effects.push(job.data.marker as string), {
      connection: redis,
      prefix: api.config.queuePrefix,
    });
  });

  afterAll(async () => {
    await worker.close();
    redis.disconnect();
    await api.close();
  });

  async function waitForEffects(count: number): Promise<void> {
    for (let i = 0; i < 100 && effects.length < count; i++) await new Promise((r) => setTimeout(r, 50));
  }

  it('delivers a committed job once even when the relay runs twice over the same row', async () => {
    const marker = `m-${Date.now()}`;
    const [id] = await dataSource.transaction((em) => outbox.add(em, { queue: QUEUE, name: 'effect', payload: { marker } }));
    await relay.drain();
    // Simulate a crash after the add and before the commit: the row looks unsent again.
    await dataSource.query('UPDATE outbox SET sent_at = NULL WHERE id = $1', [id]);
    await relay.drain();
    await waitForEffects(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(effects.filter((m) => m === marker)).toHaveLength(1);
    const [row] = await dataSource.query('SELECT sent_at FROM outbox WHERE id = $1', [id]);
    expect(row.sent_at).not.toBeNull();
    const job = await api.app.get(QueueRegistry).get(QUEUE).getJob(id);
    expect(job?.name).toBe('effect');
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    const marker = `rolled-back-${Date.now()}`;
    await expect(
      dataSource.transaction(async (em) => {
        await outbox.add(em, { queue: QUEUE, name: 'effect', payload: { marker } });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await relay.drain();
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM outbox WHERE payload->>'marker' = $1`, [marker]);
    expect(count).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(effects).not.toContain(marker);
  });

  it('lets two relays share the pending rows without sending one twice', async () => {
    const markers = Array.from({ length: 40 }, (_, i) => `shared-${Date.now()}-${i}`);
    const before = effects.length;
    await dataSource.transaction((em) =>
      outbox.add(em, ...markers.map((marker) => ({ queue: QUEUE, name: 'effect', payload: { marker } }))),
    );
    const [a, b] = await Promise.all([relay.relayBatch(25), relay.relayBatch(25)]);
    await relay.drain();
    expect(a + b).toBeGreaterThan(0);
    await waitForEffects(before + markers.length);
    await new Promise((r) => setTimeout(r, 300));
    for (const marker of markers) expect(effects.filter((m) => m === marker)).toHaveLength(1);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(outbox.add(dataSource.manager, { queue: QUEUE, name: 'effect', payload: {} })).rejects.toThrow('inside a transaction');
  });
});
