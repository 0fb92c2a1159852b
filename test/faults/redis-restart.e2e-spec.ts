import { Queue } from 'bullmq';
import { DELIVER_NOTIFICATION_JOB, NOTIFICATIONS_QUEUE } from '@gesit/notifications';
import { createFaultOrg, disposeDueIn, type FaultOrg } from './support/fault-org';
import { type FaultStack, type RemoteApi, startFaultStack } from './support/fault-stack';
import { until } from './support/ports';
import type { GesitProcess } from './support/processes';

/** The notification ids of the e-mails the SMTP server received (one Message-ID per notification), with repeats. */
function mailedIds(stack: FaultStack): string[] {
  return stack.smtp!.received.map((mail) => /^Message-ID:\s*<notification-([0-9a-f-]{36})@gesit>/im.exec(mail.raw)?.[1] ?? 'none');
}

describe('faults: Redis restarted empty', () => {
  let stack: FaultStack;
  let api: RemoteApi;
  let worker: GesitProcess;
  let org: FaultOrg;

  beforeAll(async () => {
    stack = await startFaultStack({ smtp: true });
    [api, worker] = await Promise.all([stack.startApi('api'), stack.startWorker('worker')]);
    org = await createFaultOrg(api, await stack.adminToken(api), 8);
  }, 180_000);

  afterAll(async () => {
    await stack?.destroy();
  });

  const notificationsAbout = (assignmentIds: string[]) =>
    stack.query<{ id: string; user_id: string; kind: string; entity_id: string }>(
      'SELECT id, user_id, kind, entity_id FROM notification WHERE entity_id = ANY($1::text[]) ORDER BY created_at',
      [assignmentIds],
    );

  /** Waits until each of `assignmentIds` has its reminder, due notice and escalation, and all of them were e-mailed. */
  async function allRemindedAndMailed(assignmentIds: string[], timeoutMs: number) {
    return until(
      `3 notifications for each of ${assignmentIds.length} assignments, each e-mailed`,
      async () => {
        const rows = await notificationsAbout(assignmentIds);
        const mailed = new Set(mailedIds(stack));
        return rows.length === assignmentIds.length * 3 && rows.every((n) => mailed.has(n.id)) ? rows : undefined;
      },
      timeoutMs,
      250,
    );
  }

  it('repairs the reminders Redis lost with the sweep, and sends no e-mail twice when deliveries are run again', async () => {
    const early = await disposeDueIn(
      api,
      org,
      org.staff.slice(0, 4).map((s) => s.id),
      5,
      'awal',
    );
    const sent = await allRemindedAndMailed(early, 40_000);

    // Reminders queued in Redis as delayed jobs, then Redis dies and comes back empty.
    const late = await disposeDueIn(
      api,
      org,
      org.staff.slice(4).map((s) => s.id),
      20,
      'akhir',
    );
    await until('the outbox to hand the new jobs to Redis', async () => {
      const [{ pending }] = await stack.query<{ pending: number }>('SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL');
      return pending === 0 ? true : undefined;
    });
    await stack.redis.kill();
    await stack.redis.start();

    // Deliveries that had run are run again, as a job whose completion Redis lost would be.
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: { url: stack.redis.url }, prefix: stack.env.QUEUE_PREFIX });
    try {
      const jobs = await queue.addBulk(
        sent.map((n) => ({ name: DELIVER_NOTIFICATION_JOB, data: { notificationId: n.id }, opts: { jobId: `again-${n.id}` } })),
      );
      await until(
        'the repeated deliveries to finish',
        async () => ((await Promise.all(jobs.map((j) => queue.getJobState(j.id!)))).every((s) => s === 'completed') ? true : undefined),
        30_000,
        250,
      );
    } finally {
      await queue.close();
    }

    // The same worker, never restarted, finds the lost reminders with its sweep.
    await allRemindedAndMailed(late, 60_000);
    expect(worker.exited()).toBe(false);
    const all = [...sent, ...(await notificationsAbout(late))];
    expect(all).toHaveLength((early.length + late.length) * 3);
    // Every notification of the installation went out by e-mail exactly once.
    const stored = await stack.query<{ id: string }>('SELECT id FROM notification');
    expect(mailedIds(stack).sort()).toEqual(stored.map((n) => n.id).sort());
    // Each assignee heard each thing once, and the head was told of each overdue assignment once.
    const kinds = new Map<string, number>();
    for (const n of all) kinds.set(`${n.entity_id}/${n.kind}`, (kinds.get(`${n.entity_id}/${n.kind}`) ?? 0) + 1);
    expect([...kinds.values()].every((count) => count === 1)).toBe(true);
    expect(all.filter((n) => n.kind === 'assignment.escalated').every((n) => n.user_id === org.head.id)).toBe(true);
  }, 150_000);
});
