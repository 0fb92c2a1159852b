import type { INestApplicationContext } from '@nestjs/common';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@gesit/identity';
import { DELIVER_NOTIFICATION_JOB, NOTIFICATIONS_QUEUE, NotificationsService, type NotifyInput } from '@gesit/notifications';
import { CLAIM_SECONDS, DeliveryLedger, NotificationDeliveryService, notificationTopic } from '@gesit/notifications/testing';
import { createRedisConnection, OutboxRelayService, QueueRegistry } from '@gesit/platform';
import { errorCode, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { createSignedInTestUser, TestPerson } from '../harness/identity';
import { type NotificationSubscriber, subscribeToNotifications } from '../harness/live';
import { startSmtpServer, TestSmtpServer } from '../harness/smtp-server';
import { sleep, until } from '../harness/wait';

interface Listed {
  notifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; kind: string; title: string; readAt: string | null } }[];
  };
}

const LIST = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind title readAt } }
  }
}`;
const MARK_READ = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';

describe('notifications', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let redis: IORedis;
  let service: NotificationsService;
  let dataSource: DataSource;
  let ani: TestPerson & { token: string };
  let budi: TestPerson & { token: string };
  const subscribers: NotificationSubscriber<Record<string, any>>[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startTestApi({ env: { SMTP_URL: smtp.url } });
    worker = await startTestWorker({ SMTP_URL: smtp.url });
    redis = createRedisConnection(api.config.redisUrl, 'producer');
    service = api.app.get(NotificationsService);
    dataSource = api.app.get(DataSource);
    ani = await createSignedInTestUser(api, { name: 'Ani Pelaksana', roles: [Role.STAFF] });
    budi = await createSignedInTestUser(api, { name: 'Budi Pelaksana', roles: [Role.STAFF] });
  });

  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
    redis.disconnect();
    await worker.close();
    await api.close();
    await smtp.close();
  });

  /** As a later job would: inside its own transaction. */
  const notify = (input: Partial<NotifyInput> & { userId: string }) =>
    dataSource.transaction((em) => service.notify(em, { kind: 'REMINDER', title: 'Pengingat tindak lanjut', ...input }));

  function subscribe(token: string, headers?: Record<string, string>) {
    const subscriber = subscribeToNotifications(api.url, token, 'id kind title body entityType entityId createdAt readAt', headers);
    subscribers.push(subscriber);
    return subscriber;
  }

  /** The e-mails that went out for notification `id` (one Message-ID per notification). */
  const mailsAbout = (id: string) => smtp.received.filter((m) => m.raw.includes(`notification-${id}@gesit`));

  /** Waits until every channel that took up notification `id` has recorded it sent, and returns the ledger. */
  async function deliveredBy(id: string): Promise<{ channel: string; status: string }[]> {
    const ledger = () =>
      dataSource.query('SELECT channel, status FROM notification_delivery WHERE notification_id = $1 ORDER BY channel', [id]);
    await until('every channel recorded', async () => ((await ledger()).every((r: any) => r.status === 'sent') ? true : undefined));
    return ledger();
  }

  /** The subscription is live once the API process has subscribed to the user's topic in Redis. */
  const subscribed = (userId: string, prefix = api.config.queuePrefix) =>
    until(`a Redis subscriber on ${userId}`, async () => {
      const [, count] = (await redis.pubsub('NUMSUB', notificationTopic(prefix, userId))) as [string, number];
      return count > 0 ? true : undefined;
    });

  it('stores notifications per user, once per dedupe key, newest first, paginated and filtered by unread', async () => {
    const dedupeKey = `assignment-${randomUUID()}-overdue`;
    const first = await notify({ userId: ani.id, kind: 'OVERDUE', title: 'Disposisi lewat tenggat', dedupeKey });
    expect(await notify({ userId: ani.id, kind: 'OVERDUE', title: 'Disposisi lewat tenggat', dedupeKey })).toBeNull();
    const second = await notify({ userId: ani.id, title: 'Pengingat kedua', entityType: 'DispositionAssignment', entityId: randomUUID() });
    const third = await notify({ userId: ani.id, title: 'Pengingat ketiga' });
    const budis = await notify({ userId: budi.id, title: 'Untuk Budi' });

    const page1 = (await api.gqlOk<Listed>(LIST, { first: 2 }, ani.token)).notifications;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.id)).toEqual([third, second]);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const page2 = (await api.gqlOk<Listed>(LIST, { first: 2, after: page1.pageInfo.endCursor }, ani.token)).notifications;
    expect(page2.edges.map((e) => e.node.id)).toEqual([first]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges[0].node).toMatchObject({ kind: 'OVERDUE', title: 'Disposisi lewat tenggat', readAt: null });

    // Only the caller's own unread ones change: Budi's id and an already-read one count for nothing.
    expect((await api.gqlOk(MARK_READ, { ids: [first, second, budis] }, ani.token)).markNotificationsRead).toBe(2);
    expect((await api.gqlOk(MARK_READ, { ids: [first, second] }, ani.token)).markNotificationsRead).toBe(0);
    const unread = (await api.gqlOk<Listed>(LIST, { unreadOnly: true }, ani.token)).notifications;
    expect(unread.totalCount).toBe(1);
    expect(unread.edges.map((e) => e.node.id)).toEqual([third]);
    const all = (await api.gqlOk<Listed>(LIST, {}, ani.token)).notifications;
    expect(all.edges.find((e) => e.node.id === first)?.node.readAt).not.toBeNull();
    const budiUnread = (await api.gqlOk<Listed>(LIST, { unreadOnly: true }, budi.token)).notifications;
    expect(budiUnread.edges.map((e) => e.node.id)).toEqual([budis]);
  });

  it('reads a notice in English when the client asks for it, in the list and live, and in Indonesian otherwise', async () => {
    const english = subscribe(ani.token, { 'accept-language': 'en-US,en;q=0.9' });
    const indonesian = subscribe(ani.token);
    await subscribed(ani.id);
    const id = await notify({
      userId: ani.id,
      title: 'Disposisi menunggu tindak lanjut',
      body: 'Batas waktu besok',
      titleEn: 'A disposition waits for follow-up',
      bodyEn: 'Due tomorrow',
    });
    const pushed = await until('the English push', () => english.received.find((n) => n.id === id));
    expect(pushed).toMatchObject({ title: 'A disposition waits for follow-up', body: 'Due tomorrow' });
    const pushedId = await until('the Indonesian push', () => indonesian.received.find((n) => n.id === id));
    expect(pushedId).toMatchObject({ title: 'Disposisi menunggu tindak lanjut', body: 'Batas waktu besok' });

    type Texts = { notifications: { edges: { node: { id: string; title: string; body: string | null } }[] } };
    const texts = (headers: Record<string, string>) =>
      api.gql<Texts>('{ notifications(first: 50) { edges { node { id title body } } } }', {}, ani.token, headers);
    const listed = async (headers: Record<string, string>) =>
      (await texts(headers)).data!.notifications.edges.find((e) => e.node.id === id)!.node;
    expect(await listed({ 'accept-language': 'en' })).toMatchObject({ title: 'A disposition waits for follow-up', body: 'Due tomorrow' });
    expect(await listed({})).toMatchObject({ title: 'Disposisi menunggu tindak lanjut', body: 'Batas waktu besok' });
    // A notice written in Indonesian only is shown as it is.
    const only = await notify({ userId: ani.id, title: 'Hanya dalam bahasa Indonesia' });
    const { data } = await texts({ 'accept-language': 'en' });
    expect(data!.notifications.edges.find((e) => e.node.id === only)?.node.title).toBe('Hanya dalam bahasa Indonesia');
  });

  it('keeps the live notices of one deployment from another that shares its Redis', async () => {
    const neighbour = await startTestApi({ env: { QUEUE_PREFIX: `${api.config.queuePrefix}-tetangga` } });
    const there = subscribeToNotifications<Record<string, any>>(neighbour.url, ani.token, 'id title');
    try {
      const here = subscribe(ani.token);
      await subscribed(ani.id);
      await subscribed(ani.id, neighbour.config.queuePrefix);
      const id = await notify({ userId: ani.id, title: 'Pengingat dari instalasi ini' });
      await until('the push in this deployment', () => here.received.find((n) => n.id === id));
      // Both API processes would hear the one publish at the same moment; a second's slack for a busy machine.
      await sleep(1_000);
      expect(there.received.map((n) => n.id)).not.toContain(id);
      expect(there.errors).toEqual([]);
    } finally {
      await there.dispose();
      await neighbour.close();
    }
  });

  it('refuses malformed ids and cursors, and anonymous callers', async () => {
    expect(errorCode(await api.gql(MARK_READ, { ids: ['not-a-uuid'] }, ani.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(LIST, { after: 'bm9wZQ' }, ani.token))).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    expect(errorCode(await api.gql(LIST, { after: forged }, ani.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(LIST, {}))).toBe('UNAUTHENTICATED');
  });

  it("pushes a new notification to its user's subscription within a second, and to no one else's", async () => {
    const mine = subscribe(ani.token);
    const theirs = subscribe(budi.token);
    await subscribed(ani.id);
    await subscribed(budi.id);

    const entityId = randomUUID();
    const id = await notify({
      userId: ani.id,
      kind: 'REMINDER',
      title: 'Disposisi menunggu tindak lanjut',
      body: 'Batas waktu besok',
      entityType: 'DispositionAssignment',
      entityId,
    });
    const committedAt = Date.now();
    const pushed = await until('the pushed notification', () => mine.received.find((n) => n.id === id), 1_000);
    expect(Date.now() - committedAt).toBeLessThan(1_000);
    expect(pushed).toMatchObject({
      kind: 'REMINDER',
      title: 'Disposisi menunggu tindak lanjut',
      body: 'Batas waktu besok',
      entityType: 'DispositionAssignment',
      entityId,
      readAt: null,
    });
    expect(new Date(pushed.createdAt).getTime()).toBeGreaterThan(committedAt - 60_000);
    await sleep(500);
    expect(theirs.received.find((n) => n.id === id)).toBeUndefined();
    expect([...mine.errors, ...theirs.errors]).toEqual([]);
  });

  it('pushes live from the worker that stored it without a job, and e-mails once through a queued one', async () => {
    const mine = subscribe(budi.token);
    await subscribed(budi.id);
    // As a reminder wave stores it: no delivery queued in its transaction.
    const input = { userId: budi.id, kind: 'OVERDUE', title: 'Disposisi lewat tenggat', body: 'Segera laporkan hasilnya.' };
    const id = (await dataSource.transaction((em) => service.notifyMany(em, [input], undefined, { queue: false })))[0]!;
    const queued = async () =>
      (await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE job_id = $1', [`notification-${id}-deliver`]))[0].n;
    expect(await queued()).toBe(0);

    await worker.get(NotificationDeliveryService).deliverNow([id]);
    await until('the pushed notification', () => mine.received.find((n) => n.id === id), 1_000);
    // The e-mail is left to a job, so that a slow mail server holds back no reminder.
    expect(await queued()).toBe(1);
    const mails = () => mailsAbout(id);
    await until('the e-mail', () => (mails().length ? true : undefined));
    expect(await deliveredBy(id)).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'live', status: 'sent' },
    ]);
    await sleep(300);
    expect(mails()).toHaveLength(1);
    expect(mine.received.filter((n) => n.id === id)).toHaveLength(1);
  });

  it('refuses a subscription without a valid token in connection_init', async () => {
    const anonymous = subscribe('not-a-token');
    await until('the refusal', () => (anonymous.errors.length ? true : undefined), 5_000);
    expect(anonymous.received).toEqual([]);
  });

  it('e-mails the recipient in Indonesian once, even when the delivery job runs again', async () => {
    const id = (await notify({ userId: budi.id, kind: 'OVERDUE', title: 'Disposisi lewat tenggat', body: 'Segera laporkan hasilnya.' }))!;
    const mails = () => mailsAbout(id);
    const [mail] = await until('the e-mail', () => (mails().length ? mails() : undefined));
    expect(mail.to).toEqual([budi.email]);
    expect(mail.raw).toMatch(/^Subject: \[Gesit\] Disposisi lewat tenggat/m);
    expect(mail.raw).toContain('Yth. Budi Pelaksana,');
    expect(mail.raw).toContain('Segera laporkan hasilnya.');

    // The same delivery again, as a retried or duplicated job would run it.
    const queue = api.app.get(QueueRegistry).get(NOTIFICATIONS_QUEUE);
    const again = await queue.add(DELIVER_NOTIFICATION_JOB, { notificationId: id }, { jobId: `notification-${id}-again` });
    const state = await until('the repeated job', async () => {
      const s = await again.getState();
      return s === 'completed' || s === 'failed' ? s : undefined;
    });
    expect(state).toBe('completed');
    expect((await queue.getJob(again.id!))?.returnvalue).toEqual({ sent: [] });
    await sleep(300);
    expect(mails()).toHaveLength(1);
  });
  it('delivers, by its sweep, a notification whose delivery job was lost, once', async () => {
    // Stored as a job would store it, but its delivery job never reached Redis (lost with it).
    const id = randomUUID();
    await dataSource.query(`INSERT INTO notification (id, user_id, kind, title) VALUES ($1, $2, 'OVERDUE', 'Disposisi lewat tenggat')`, [
      id,
      ani.id,
    ]);
    const mails = () => mailsAbout(id);
    expect(await worker.get(NotificationsService).sweepUndelivered()).toBeGreaterThanOrEqual(1);
    await worker.get(OutboxRelayService).drain();
    await until('the e-mail', () => (mails().length ? true : undefined));
    expect(await deliveredBy(id)).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'live', status: 'sent' },
    ]);
    // Delivered now: the next sweep asks for nothing.
    await until('the sweep to find nothing left of it', async () =>
      (await dataSource.query(`SELECT 1 FROM outbox WHERE job_id = $1 AND sent_at IS NULL`, [`notification-${id}-deliver`])).length
        ? undefined
        : true,
    );
    await worker.get(NotificationsService).sweepUndelivered();
    await sleep(300);
    expect(mails()).toHaveLength(1);
  });

  it('asks again, by its sweep, for the e-mail of a worker that died mid-send, after the claim window, once', async () => {
    // As a worker that delivers in-process (a reminder wave) leaves it when it dies mid-send: no job anywhere,
    // the live push recorded, the e-mail claimed and never sent.
    const id = randomUUID();
    await dataSource.query(`INSERT INTO notification (id, user_id, kind, title) VALUES ($1, $2, 'OVERDUE', 'Disposisi lewat tenggat')`, [
      id,
      ani.id,
    ]);
    await dataSource.query(
      `INSERT INTO notification_delivery (notification_id, channel, status, claim_id, claimed_at, sent_at)
       VALUES ($1, 'live', 'sent', gen_random_uuid(), now(), now()), ($1, 'email', 'sending', gen_random_uuid(), now(), NULL)`,
      [id],
    );
    const sweep = worker.get(NotificationsService);
    const queued = async () =>
      (await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE job_id = $1', [`notification-${id}-deliver`]))[0].n;
    await sweep.sweepUndelivered();
    expect(await queued()).toBe(0);

    await dataSource.query(
      `UPDATE notification_delivery SET claimed_at = now() - make_interval(secs => $2) - interval '1 second' WHERE notification_id = $1 AND channel = 'email'`,
      [id, CLAIM_SECONDS],
    );
    await sweep.sweepUndelivered();
    expect(await queued()).toBe(1);
    await worker.get(OutboxRelayService).drain();
    const mails = () => mailsAbout(id);
    await until('the e-mail', () => (mails().length ? true : undefined));
    expect(await deliveredBy(id)).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'live', status: 'sent' },
    ]);
    await sweep.sweepUndelivered();
    expect(await queued()).toBe(1);
    await sleep(300);
    expect(mails()).toHaveLength(1);
  });

  it('takes over the claim of a worker that died mid-send only after the claim window, and then sends', async () => {
    const id = (
      await dataSource.transaction((em) => service.notifyMany(em, [{ userId: budi.id, kind: 'OVERDUE', title: 'Disposisi lewat tenggat' }]))
    )[0]!;
    const ledger = worker.get(DeliveryLedger);
    await until('the first delivery', async () =>
      (
        await dataSource.query(`SELECT 1 FROM notification_delivery WHERE notification_id = $1 AND channel = 'email' AND status = 'sent'`, [
          id,
        ])
      ).length
        ? true
        : undefined,
    );
    // As a worker that died after claiming would leave it: a claim, no send recorded.
    await dataSource.query(
      `UPDATE notification_delivery SET status = 'sending', claimed_at = now() WHERE notification_id = $1 AND channel = 'email'`,
      [id],
    );
    let sends = 0;
    const send = async () => void sends++;
    await expect(ledger.once(id, 'email', send)).rejects.toThrow(/being delivered/);
    expect(sends).toBe(0);
    await dataSource.query(
      `UPDATE notification_delivery SET claimed_at = now() - make_interval(secs => $2) - interval '1 second' WHERE notification_id = $1 AND channel = 'email'`,
      [id, CLAIM_SECONDS],
    );
    expect(await ledger.once(id, 'email', send)).toBe(true);
    expect(await ledger.once(id, 'email', send)).toBe(false);
    expect(sends).toBe(1);
  });
});
