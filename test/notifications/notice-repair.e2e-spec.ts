import type { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { APPROVAL_EVENTS } from '@gesit/approvals';
import { CORRESPONDENCE_EVENTS } from '@gesit/correspondence';
import { FollowUpSweepService } from '@gesit/notifications';
import { isDatabaseBusy, OutboxRelayService } from '@gesit/platform';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';
import { deleteKeysUnder } from '../harness/redis-keys';
import { sleep } from '../harness/wait';

jest.setTimeout(60_000);

/**
 * New-work notices are written from outbox events through BullMQ: when Redis loses the event job, the sweep
 * announces the work again, and the dedupe keys keep a repeat from telling anyone twice.
 */
describe('repair of new-work notices lost with Redis', () => {
  let api: TestApi;
  let org: Agency;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  const noticesOf = async (dedupeKey: string): Promise<{ user_id: string; kind: string; title: string; body: string }[]> =>
    api.app.get(DataSource).query('SELECT user_id, kind, title, body FROM notification WHERE dedupe_key = $1', [dedupeKey]);

  async function waitForNotice(dedupeKey: string): Promise<void> {
    for (const end = Date.now() + 20_000; Date.now() < end && !(await noticesOf(dedupeKey)).length;) await sleep(200);
  }

  it('tells the assignee of a disposition and the approver of a step whose event jobs Redis lost, once', async () => {
    // No worker runs: the API's relay puts the events into Redis, and Redis then loses them.
    const letter = await registerIncomingLetter(api, org.clerk.token, {
      subject: 'Undangan rapat koordinasi',
      addresseeIds: [org.head.id],
    });
    const draftFileId = await uploadPdf(api, org.staff.token, 'Konsep nota dinas ${ttd}');
    const { createOutgoingDraft: draft } = await api.gqlOk<any>(
      `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }`,
      {
        input: {
          kind: 'MEMO',
          subject: 'Nota dinas yang hilang di antrean',
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId,
        },
      },
      org.staff.token,
    );
    const { submitForApproval } = await api.gqlOk<any>(
      'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { approvalSteps { id order } } }',
      { input: { letterId: draft.id, reviewerIds: [org.division1.id], signerId: org.head.id } },
      org.staff.token,
    );
    const stepId = submitForApproval.approvalSteps.find((s: { order: number }) => s.order === 1).id;
    await api.app.get(OutboxRelayService).drain();
    const redis = new IORedis(api.config.redisUrl);
    await deleteKeysUnder(redis, `${api.config.queuePrefix}:${CORRESPONDENCE_EVENTS.queue}`);
    await deleteKeysUnder(redis, `${api.config.queuePrefix}:${APPROVAL_EVENTS.queue}`);
    await redis.quit();

    worker = await startTestWorker();
    const received = `assignment-${letter.assignmentId}-received`;
    const waiting = `step-${stepId}-waiting`;
    // Nothing is left to run: without the sweep nobody would ever hear of the work.
    await worker.get(OutboxRelayService).drain();
    await sleep(1500);
    expect(await noticesOf(received)).toEqual([]);
    expect(await noticesOf(waiting)).toEqual([]);

    const sweep = worker.get(FollowUpSweepService);
    // The repairs asked for this test's work (the suites before it in this database may have left lost work too).
    const db = api.app.get(DataSource);
    const [{ disposition_id: dispositionId }] = await db.query('SELECT disposition_id FROM disposition_assignment WHERE id = $1', [
      letter.assignmentId,
    ]);
    const ours = [`disposition-${dispositionId}-notice`, `step-${stepId}-notice`];
    const repairsAsked = async (): Promise<string[]> =>
      (await db.query('SELECT job_id FROM outbox WHERE job_id = ANY($1) ORDER BY job_id', [ours])).map((r: { job_id: string }) => r.job_id);
    // Work younger than the grace period may still be on its way: the ordinary sweep leaves it alone.
    await sweep.repairNotices();
    expect(await repairsAsked()).toEqual([]);
    expect(await sweep.repairNotices(0)).toBeGreaterThanOrEqual(2);
    expect(await repairsAsked()).toEqual([...ours].sort());
    await worker.get(OutboxRelayService).drain();
    await waitForNotice(received);
    await waitForNotice(waiting);
    expect(await noticesOf(received)).toEqual([
      {
        user_id: org.head.id,
        kind: 'disposition.received',
        title: expect.stringMatching(/^Disposisi baru dari /),
        body: expect.stringContaining('Undangan rapat koordinasi'),
      },
    ]);
    expect(await noticesOf(waiting)).toEqual([
      {
        user_id: org.division1.id,
        kind: 'approval.waiting',
        title: expect.any(String),
        body: expect.stringContaining('Nota dinas yang hilang di antrean'),
      },
    ]);
    // Told once: the next sweep finds nothing missing, and a repeated event would notify nobody again.
    expect(await sweep.repairNotices(0)).toBe(0);
  });

  it('tells each person once when more sweeps than pool connections repair the same lost notices at once, and none hangs', async () => {
    await worker?.close();
    worker = null;
    const letters = await Promise.all(
      ['Rapat kerja daerah', 'Permohonan data statistik', 'Undangan bimbingan teknis'].map((subject) =>
        registerIncomingLetter(api, org.clerk.token, { subject, addresseeIds: [org.head.id] }),
      ),
    );
    await api.app.get(OutboxRelayService).drain();
    const redis = new IORedis(api.config.redisUrl);
    await deleteKeysUnder(redis, `${api.config.queuePrefix}:${CORRESPONDENCE_EVENTS.queue}`);
    await redis.quit();

    const poolSize = 3;
    worker = await startTestWorker({ DATABASE_POOL_SIZE: String(poolSize), DATABASE_ACQUIRE_TIMEOUT_MS: '5000' });
    const sweep = worker.get(FollowUpSweepService);
    const callers = poolSize * 4;
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: callers }, () => sweep.repairNotices(0)));
    expect(Date.now() - started).toBeLessThan(20_000);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    // A caller may be told the database is busy; none waits for ever and none fails otherwise.
    for (const o of refused) expect(isDatabaseBusy((o as PromiseRejectedResult).reason)).toBe(true);
    const repaired = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(letters.length);

    await worker.get(OutboxRelayService).drain();
    const keys = letters.map((l) => `assignment-${l.assignmentId}-received`);
    for (const key of keys) await waitForNotice(key);
    // Give any doubled event time to run: it must not add a second notice.
    await worker.get(OutboxRelayService).drain();
    await sleep(1500);
    for (const key of keys) expect(await noticesOf(key)).toHaveLength(1);
    expect(await sweep.repairNotices(0)).toBe(0);
  });
});
