import type { INestApplicationContext } from '@nestjs/common';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_QUEUE, NotificationsService } from '@gesit/notifications';
import { notificationTopic } from '@gesit/notifications/testing';
import { createRedisConnection, QueueRegistry } from '@gesit/platform';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { dispose, registerIncomingLetter } from '../harness/letters';
import { type NotificationSubscriber, subscribeToNotifications } from '../harness/live';
import { type Agency, createAgency } from '../harness/org';
import { until } from '../harness/wait';

jest.setTimeout(180_000);

/** A reminder sweep's worth of notices for one person: enough that the order they go out in is plain to see. */
const WAVE = 400;

interface Pushed {
  id: string;
  kind: string;
  title: string;
}

describe('interactive notices go ahead of a waiting wave of reminders and digests', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let redis: IORedis;
  let admin: string;
  let org: Agency;
  const subscribers: NotificationSubscriber<Pushed>[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    redis = createRedisConnection(api.config.redisUrl, 'producer');
    admin = await adminToken(api);
    org = await createAgency(api, admin);
  });

  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.dispose()));
    redis?.disconnect();
    await worker?.close();
    await api?.close();
  });

  /** The subscription is live once the API process has subscribed to the user's channel in Redis. */
  const subscribed = (userId: string) =>
    until(`a Redis subscriber on ${userId}`, async () => {
      const [, count] = (await redis.pubsub('NUMSUB', notificationTopic(api.config.queuePrefix, userId))) as [string, number];
      return count > 0 ? true : undefined;
    });

  /** Waits until `userId` has `count` notifications and the outbox has handed every one's delivery to the queue. */
  const handed = (userId: string, count: number) =>
    until(`${count} notices handed to the queue`, async () => {
      const [{ stored, unsent }] = await api.app.get(DataSource).query(
        `SELECT (SELECT count(*)::int FROM notification WHERE user_id = $1) AS stored,
                (SELECT count(*)::int FROM outbox o JOIN notification n ON n.id = (o.payload->>'notificationId')::uuid
                  WHERE n.user_id = $1 AND o.sent_at IS NULL) AS unsent`,
        [userId],
      );
      return stored === count && unsent === 0 ? true : undefined;
    });

  /**
   * Queues a wave of reminders and digests for `to`, runs `meanwhile`, and then has `from` dispose a letter to them;
   * where the disposition comes among the pushes `to` receives. The worker is held back until all of it is in Redis,
   * so that the order it takes them in decides alone, however busy the machine is.
   */
  async function dispositionAfterWave(
    from: Agency['head'],
    to: Agency['staff'],
    meanwhile: (waveIds: string[]) => Promise<void> = async () => undefined,
  ) {
    const letter = await registerIncomingLetter(api, org.clerk.token, { subject: 'Undangan rapat koordinasi', addresseeIds: [from.id] });
    const live = subscribeToNotifications<Pushed>(api.url, to.token, 'id kind title');
    subscribers.push(live);
    await subscribed(to.id);
    const dataSource = api.app.get(DataSource);
    const queue = api.app.get(QueueRegistry).get(NOTIFICATIONS_QUEUE);
    const wave = randomUUID();
    await queue.pause();
    try {
      const waveIds = await dataSource.transaction((em) =>
        api.app.get(NotificationsService).notifyMany(
          em,
          Array.from({ length: WAVE }, (_, i) => ({
            userId: to.id,
            kind: i % 2 ? 'assignment.due-soon' : 'digest.daily',
            title: `Pengingat ${i + 1}: disposisi segera jatuh tempo`,
            dedupeKey: `wave-${wave}-${i}`,
          })),
        ),
      );
      await handed(to.id, WAVE);
      await meanwhile(waveIds as string[]);
      await dispose(api, from.token, { letterId: letter.id, parentAssignmentId: letter.assignmentId, assigneeIds: [to.id] });
      await handed(to.id, WAVE + 1);
    } finally {
      await queue.resume();
    }
    await until('every notice pushed live', () => (live.received.length === WAVE + 1 ? true : undefined), 120_000);
    const position = live.received.findIndex((n) => n.kind === 'disposition.received');
    expect(live.received[position].title).toBe(`Disposisi baru dari ${from.name}: ${letter.number}`);
    return position;
  }

  it('a disposition reaches its staff member before the reminders queued ahead of it', async () => {
    // Before most of the wave, though queued after all of it (first come, first served would push it last).
    expect(await dispositionAfterWave(org.division1, org.staff)).toBeLessThan(WAVE / 4);
  });

  it('keeps it so for a wave whose jobs Redis lost and the repair sweep asked for again', async () => {
    const queue = api.app.get(QueueRegistry).get(NOTIFICATIONS_QUEUE);
    const position = await dispositionAfterWave(org.head, org.division2, async (waveIds) => {
      await Promise.all(waveIds.map((id) => queue.remove(`notification-${id}-deliver`)));
      expect(await queue.getJobCounts('prioritized')).toEqual({ prioritized: 0 });
      expect(await api.app.get(NotificationsService).sweepUndelivered()).toBeGreaterThanOrEqual(WAVE);
      await handed(org.division2.id, WAVE);
    });
    expect(position).toBeLessThan(WAVE / 4);
  });
});
