import { notificationTopic } from '@gesit/notifications/testing';
import { loginAs } from '../harness/identity';
import { type NotificationSubscriber, subscribeToNotifications } from '../harness/live';
import { sleep, until } from '../harness/wait';
import { createFaultOrg, disposeDueIn, eachNoticeOnce, type FaultOrg, kindsPerAssignment, SLA_NOTICE_KINDS } from './support/fault-org';
import { type FaultStack, type RemoteApi, startFaultStack } from './support/fault-stack';

describe('faults: two API and two worker processes on one database and Redis', () => {
  let stack: FaultStack;
  let api1: RemoteApi;
  let api2: RemoteApi;
  let org: FaultOrg;
  const subscribers: NotificationSubscriber<unknown>[] = [];

  beforeAll(async () => {
    stack = await startFaultStack();
    [api1, api2] = await Promise.all([
      stack.startApi('api-1'),
      stack.startApi('api-2'),
      stack.startWorker('worker-1'),
      stack.startWorker('worker-2'),
    ]);
    org = await createFaultOrg(api1, await stack.adminToken(api1), 12);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
    await stack?.destroy();
  });

  it('refuses on the other API, within moments, an access token whose session was ended through one API', async () => {
    const session = await loginAs(api1, org.drafter.nip);
    const me = '{ me { id } }';
    // Both processes have seen the session active (and remember it).
    expect((await api1.gqlOk<any>(me, {}, session.accessToken)).me.id).toBe(org.drafter.id);
    expect((await api2.gqlOk<any>(me, {}, session.accessToken)).me.id).toBe(org.drafter.id);
    await api1.gqlOk('mutation { logout }', {}, session.accessToken);
    const loggedOutAt = Date.now();
    expect((await api1.gql(me, {}, session.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // README: another API process refuses it within a second (Redis pub/sub), 30 s at the latest.
    await until(
      'API 2 to refuse the revoked session',
      async () => ((await api2.gql(me, {}, session.accessToken)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? true : undefined),
      5_000,
      50,
    );
    expect(Date.now() - loggedOutAt).toBeLessThan(2_000);
  });

  it('pushes to a subscriber on API 1 the reminders caused through API 2, and two workers send each reminder once', async () => {
    const subscriber = org.staff[0];
    const token = (await loginAs(api1, subscriber.nip)).accessToken;
    const live = subscribeToNotifications<{ id: string; kind: string; entityId: string }>(api1.url, token, 'id kind entityId');
    subscribers.push(live);
    const { errors } = live;
    // The follow-ups only: the notice of the new work itself is tested in test/notifications.
    const followUps = () => live.received.filter((n) => n.kind !== 'disposition.received');
    const redis = stack.redis.client();
    try {
      await until('the subscription to reach Redis', async () => {
        const [, count] = (await redis.pubsub('NUMSUB', notificationTopic(stack.env.QUEUE_PREFIX, subscriber.id))) as [string, number];
        return count > 0 ? true : undefined;
      });
    } finally {
      redis.disconnect();
    }

    const assignments = await disposeDueIn(
      api2,
      org,
      org.staff.map((s) => s.id),
      8,
      'dua-proses',
    );
    const expected = assignments.length * SLA_NOTICE_KINDS.length;
    const about = () =>
      stack.query<{ id: string; kind: string; entity_id: string }>(
        // The follow-ups only (the notice of the new work is tested in test/notifications).
        `SELECT id, kind, entity_id FROM notification WHERE entity_id = ANY($1::text[]) AND kind <> 'disposition.received'`,
        [assignments],
      );
    await until('every reminder of the burst', async () => ((await about()).length >= expected ? true : undefined), 60_000, 250);
    const [{ id: mine }] = await stack.query<{ id: string }>(
      'SELECT id FROM disposition_assignment WHERE id = ANY($1::uuid[]) AND assignee_id = $2',
      [assignments, subscriber.id],
    );
    await until('the subscriber to hear of the reminder and the due notice', () =>
      followUps().filter((n) => n.entityId === mine).length >= 2 ? true : undefined,
    );
    // Both workers sweep every 2 s and share the job-lock period: wait out a few of them before counting.
    await sleep(5_000);
    const rows = await about();
    expect(rows).toHaveLength(expected);
    expect(kindsPerAssignment(rows, assignments)).toEqual(eachNoticeOnce(assignments.length));
    expect(errors).toEqual([]);
    expect(
      followUps()
        .filter((n) => n.entityId === mine)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['assignment.due-soon', 'assignment.overdue']);
    expect(
      followUps()
        .map((n) => n.id)
        .sort(),
    ).toEqual(
      rows
        .filter((n) => n.entity_id === mine && n.kind !== 'assignment.escalated')
        .map((n) => n.id)
        .sort(),
    );
  }, 120_000);
});
