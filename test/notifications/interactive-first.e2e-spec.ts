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

  it('a disposition reaches its staff member before the reminders queued ahead of it', async () => {
    const { staff, division1, clerk } = org;
    const letter = await registerIncomingLetter(api, clerk.token, { subject: 'Undangan rapat koordinasi', addresseeIds: [division1.id] });
    const live = subscribeToNotifications<Pushed>(api.url, staff.token, 'id kind title');
    subscribers.push(live);
    await subscribed(staff.id);
    const dataSource = api.app.get(DataSource);
    const notifications = api.app.get(NotificationsService);
    const queue = api.app.get(QueueRegistry).get(NOTIFICATIONS_QUEUE);
    const wave = randomUUID();

    // With the worker held back, every delivery is waiting at once when it resumes: the order it takes them in
    // decides alone, however busy the machine is.
    await queue.pause();
    try {
      await dataSource.transaction((em) =>
        notifications.notifyMany(
          em,
          Array.from({ length: WAVE }, (_, i) => ({
            userId: staff.id,
            kind: i % 2 ? 'assignment.due-soon' : 'digest.daily',
            title: `Pengingat ${i + 1}: disposisi segera jatuh tempo`,
            dedupeKey: `wave-${wave}-${i}`,
          })),
        ),
      );
      await dispose(api, division1.token, { letterId: letter.id, parentAssignmentId: letter.assignmentId, assigneeIds: [staff.id] });
      // Everything for Staf Bidang Satu is in Redis: the wave and the disposition notice, relayed after it.
      await until('the wave and the disposition notice handed to the queue', async () => {
        const [{ stored, unsent }] = await dataSource.query(
          `SELECT (SELECT count(*)::int FROM notification WHERE user_id = $1) AS stored,
                  (SELECT count(*)::int FROM outbox o JOIN notification n ON n.id = (o.payload->>'notificationId')::uuid
                    WHERE n.user_id = $1 AND o.sent_at IS NULL) AS unsent`,
          [staff.id],
        );
        return stored === WAVE + 1 && unsent === 0 ? true : undefined;
      });
    } finally {
      await queue.resume();
    }

    await until('every notice pushed live', () => (live.received.length === WAVE + 1 ? true : undefined), 120_000);
    const position = live.received.findIndex((n) => n.kind === 'disposition.received');
    expect(live.received[position].title).toBe(`Disposisi baru dari Kepala Bidang Satu: ${letter.number}`);
    // Before most of the wave, though queued after all of it (FIFO would push it last).
    expect(position).toBeLessThan(WAVE / 4);
  });
});
