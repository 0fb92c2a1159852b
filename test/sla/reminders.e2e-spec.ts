import type { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { OutboxRelayService, QueueRegistry } from '@gesit/platform';
import { FollowUpSweepService, reminderJobId, REMINDERS, RemindersService } from '@gesit/notifications';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';
import { dispose, disposedLetter, secondsFromNow } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';
import { sleep, until } from '../harness/wait';

/** Reminders, due notices and escalation with the real worker, Redis and PostgreSQL, on dispositions due seconds ahead. */
describe('SLA reminders and escalation', () => {
  let api: TestApi;
  let org: Agency;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
    worker = await startTestWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  /** A letter to the head, disposed to the head of division, due `seconds` from now. */
  async function disposeDueIn(seconds: number) {
    const dueAt = secondsFromNow(seconds);
    const letter = await disposedLetter(
      api,
      org.clerk.token,
      org.head,
      [org.division1.id],
      { kind: 'MEMO', subject: 'Laporan mingguan', urgency: 'URGENT' },
      dueAt,
    );
    return { letter, assignmentId: letter.assignmentIds[0], dueAt: new Date(dueAt) };
  }

  // The follow-ups only: the notice of the new work itself is tested in test/notifications/work-notices.e2e-spec.ts.
  const FOLLOW_UPS = `entity_id = $1 AND kind NOT IN ('disposition.received', 'approval.waiting')`;

  async function notificationsAbout(assignmentId: string): Promise<{ user_id: string; kind: string; title: string; body: string }[]> {
    return api.app
      .get(DataSource)
      .query(`SELECT user_id, kind, title, body FROM notification WHERE ${FOLLOW_UPS} ORDER BY created_at`, [assignmentId]);
  }

  /**
   * The follow-ups about `entityId` as their people got them: pushed live from the worker that stored them, each
   * recorded once in the delivery ledger, none through a queued delivery job.
   */
  async function pushedLive(entityId: string): Promise<{ user_id: string; kind: string; live: string | null; queued: number }[]> {
    const read = () =>
      api.app.get(DataSource).query(
        `SELECT n.user_id, n.kind, d.status AS live,
                (SELECT count(*)::int FROM outbox o WHERE o.job_id = 'notification-' || n.id || '-deliver') AS queued
           FROM (SELECT * FROM notification WHERE ${FOLLOW_UPS}) n
           LEFT JOIN notification_delivery d ON d.notification_id = n.id AND d.channel = 'live'
          ORDER BY n.created_at`,
        [entityId],
      );
    return until('the live pushes recorded', async () => {
      const rows = await read();
      return rows.every((r: { live: string | null }) => r.live === 'sent') ? rows : undefined;
    });
  }

  async function waitFor(assignmentId: string, count: number, until: number): Promise<void> {
    while (Date.now() < until && (await notificationsAbout(assignmentId)).length < count) await sleep(250);
  }

  it('reminds, then tells the assignee and escalates to the superior at the due time, each once, across a worker restart', async () => {
    const { assignmentId, dueAt, letter } = await disposeDueIn(20);
    await sleep(4000);
    // Kill the worker while the delayed jobs wait in Redis, and start a new one.
    await worker!.close();
    worker = null;
    await sleep(1500);
    worker = await startTestWorker();
    await waitFor(assignmentId, 1, dueAt.getTime() - 1000);
    const reminded = await notificationsAbout(assignmentId);
    expect(reminded).toHaveLength(1);
    expect(reminded[0]).toMatchObject({ user_id: org.division1.id, kind: 'assignment.due-soon' });
    expect(reminded[0].body).toContain(letter.number);
    expect(reminded[0].body).toMatch(/WIB/);
    await waitFor(assignmentId, 3, dueAt.getTime() + 15_000);
    await sleep(1500);
    const all = await notificationsAbout(assignmentId);
    expect(all.map((n) => [n.user_id, n.kind])).toEqual([
      [org.division1.id, 'assignment.due-soon'],
      [org.division1.id, 'assignment.overdue'],
      [org.head.id, 'assignment.escalated'],
    ]);
    expect(all[2].body).toContain('Kepala Bidang Satu');
    expect(await pushedLive(assignmentId)).toEqual([
      { user_id: org.division1.id, kind: 'assignment.due-soon', live: 'sent', queued: 0 },
      { user_id: org.division1.id, kind: 'assignment.overdue', live: 'sent', queued: 0 },
      { user_id: org.head.id, kind: 'assignment.escalated', live: 'sent', queued: 0 },
    ]);
    // The assignee sees them in the app too.
    const mine = await api.gqlOk<any>(
      '{ notifications(unreadOnly: true, first: 50) { edges { node { kind entityId } } } }',
      {},
      org.division1.token,
    );
    expect(
      mine.notifications.edges.filter((e: any) => e.node.entityId === assignmentId && e.node.kind !== 'disposition.received'),
    ).toHaveLength(2);
  }, 60_000);

  it('says nothing about an assignment completed before its due time', async () => {
    const { assignmentId, dueAt } = await disposeDueIn(8);
    await api.gqlOk(
      'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { status } }',
      { input: { assignmentId, note: 'Sudah selesai' } },
      org.division1.token,
    );
    await sleep(dueAt.getTime() - Date.now() + 4000);
    expect(await notificationsAbout(assignmentId)).toEqual([]);
  }, 30_000);

  it('repairs lost jobs with the sweep after Redis was flushed', async () => {
    const { assignmentId, dueAt } = await disposeDueIn(4);
    // Wait until the due notice is queued, so that the flush below really loses it.
    const dueJob = reminderJobId(assignmentId, 'due', dueAt);
    for (let i = 0; i < 40 && !(await api.app.get(QueueRegistry).get(REMINDERS.queue).getJob(dueJob)); i++) await sleep(100);
    expect(await api.app.get(QueueRegistry).get(REMINDERS.queue).getJob(dueJob)).toBeTruthy();
    const redis = new IORedis(api.config.redisUrl);
    const keys = await redis.keys(`${api.config.queuePrefix}:sla:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    expect(await api.app.get(QueueRegistry).get(REMINDERS.queue).getJob(dueJob)).toBeFalsy();
    await sleep(dueAt.getTime() - Date.now() + 2500);
    // The flush also took the sweep's scheduler; the worker's schedule check may have put it back and its first
    // run repaired the notice already. Either way the repair is the sweep's: the job itself is gone.
    await worker!.get(FollowUpSweepService).run();
    await worker!.get(OutboxRelayService).drain();
    await waitFor(assignmentId, 2, Date.now() + 10_000);
    // The due-soon reminder may have gone out before the flush on a slow machine; the lost due notice is what the sweep repairs, once.
    const repaired = (await notificationsAbout(assignmentId)).map((n) => n.kind).filter((kind) => kind !== 'assignment.due-soon');
    expect(repaired.sort()).toEqual(['assignment.escalated', 'assignment.overdue']);
    expect(await worker!.get(FollowUpSweepService).run()).toBe(0);
  }, 30_000);

  it('reminds an approver, then tells them and their superior when the step is overdue, once, through the sweep', async () => {
    const draftFile = await uploadPdf(api, org.staff.token, 'Konsep nota dinas ${ttd}');
    const { createOutgoingDraft: draft } = await api.gqlOk<any>(
      'mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }',
      {
        input: {
          kind: 'MEMO',
          subject: 'Usulan jadwal piket',
          classificationCode: '000.1.2',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId: draftFile,
        },
      },
      org.staff.token,
    );
    const { submitForApproval } = await api.gqlOk<any>(
      'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { approvalSteps { id status } } }',
      { input: { letterId: draft.id, reviewerIds: [org.division1.id], signerId: org.head.id } },
      org.staff.token,
    );
    const stepId = submitForApproval.approvalSteps.find((s: any) => s.status === 'PENDING').id;
    const db = api.app.get(DataSource);
    const sweep = async () => {
      const requeued = await worker!.get(FollowUpSweepService).run();
      await worker!.get(OutboxRelayService).drain();
      return requeued;
    };
    const about = async () => db.query(`SELECT user_id, kind, body FROM notification WHERE ${FOLLOW_UPS} ORDER BY created_at`, [stepId]);
    const waitForStep = async (count: number) => {
      for (let i = 0; i < 40 && (await about()).length < count; i++) await sleep(250);
    };
    // The step's real times are hours away; move them so that its reminder is due now.
    await db.query(
      `UPDATE approval_step SET due_soon_at = date_trunc('milliseconds', now()) - interval '1 minute', due_at = date_trunc('milliseconds', now()) + interval '1 hour' WHERE id = $1`,
      [stepId],
    );
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    await waitForStep(1);
    expect((await about()).map((n: any) => [n.user_id, n.kind])).toEqual([[org.division1.id, 'approval.due-soon']]);
    expect((await about())[0].body).toContain('Usulan jadwal piket');
    await db.query(`UPDATE approval_step SET due_at = date_trunc('milliseconds', now()) - interval '1 minute' WHERE id = $1`, [stepId]);
    await sweep();
    await waitForStep(3);
    await sleep(500);
    expect((await about()).map((n: any) => [n.user_id, n.kind])).toEqual([
      [org.division1.id, 'approval.due-soon'],
      [org.division1.id, 'approval.overdue'],
      [org.head.id, 'approval.escalated'],
    ]);
    expect(await pushedLive(stepId)).toEqual([
      { user_id: org.division1.id, kind: 'approval.due-soon', live: 'sent', queued: 0 },
      { user_id: org.division1.id, kind: 'approval.overdue', live: 'sent', queued: 0 },
      { user_id: org.head.id, kind: 'approval.escalated', live: 'sent', queued: 0 },
    ]);
    expect(await sweep()).toBe(0);
  }, 30_000);

  it('escalates one level higher each time, up to the head of the organisation, then stops', async () => {
    const letter = await disposedLetter(api, org.clerk.token, org.head, [org.division1.id], {
      kind: 'MEMO',
      subject: 'Eskalasi berjenjang',
      senderName: 'Inspektorat',
    });
    const toDivision = letter.assignmentIds[0];
    const [id] = await dispose(api, org.division1.token, {
      letterId: letter.id,
      parentAssignmentId: toDivision,
      assigneeIds: [org.staff.id],
    });
    const db = api.app.get(DataSource);
    const sweep = async () => {
      await worker!.get(FollowUpSweepService).run();
      await worker!.get(OutboxRelayService).drain();
    };
    const escalations = async () => (await notificationsAbout(id)).filter((n) => n.kind === 'assignment.escalated').map((n) => n.user_id);
    // Overdue since a minute ago: the staff member's superior (head of division) hears first.
    await db.query(
      `UPDATE disposition_assignment SET due_at = date_trunc('milliseconds', now()) - interval '1 minute', due_soon_at = NULL WHERE id = $1`,
      [id],
    );
    await sweep();
    await waitFor(id, 2, Date.now() + 10_000);
    expect(await escalations()).toEqual([org.division1.id]);
    const [level1] = await db.query('SELECT escalation_level, next_escalation_at FROM disposition_assignment WHERE id = $1', [id]);
    expect(level1.escalation_level).toBe(1);
    expect(level1.next_escalation_at).not.toBeNull();
    // The next escalation waits as a delayed job for 8 working hours. Lose it, make it due, and let the
    // sweep bring it back: it goes one level higher, to the head.
    const [{ due_ms }] = await db.query(
      'SELECT (extract(epoch FROM due_at) * 1000)::bigint AS due_ms FROM disposition_assignment WHERE id = $1',
      [id],
    );
    const delayed = await api.app.get(QueueRegistry).get(REMINDERS.queue).getJob(`assignment-${id}-escalate-2-${due_ms}`);
    expect(await delayed?.getState()).toBe('delayed');
    await delayed!.remove();
    await db.query(`UPDATE disposition_assignment SET next_escalation_at = now() - interval '1 second' WHERE id = $1`, [id]);
    await sweep();
    await waitFor(id, 3, Date.now() + 10_000);
    expect(await escalations()).toEqual([org.division1.id, org.head.id]);
    const [level2] = await db.query('SELECT escalation_level, next_escalation_at FROM disposition_assignment WHERE id = $1', [id]);
    expect(level2).toEqual({ escalation_level: 2, next_escalation_at: null });
    await sweep();
    await sleep(500);
    expect(await escalations()).toHaveLength(2);
  }, 30_000);
  it('reminds once and delivers once however many jobs of one reminder run at once, in one worker and in two', async () => {
    const { assignmentId } = await disposeDueIn(600);
    const db = api.app.get(DataSource);
    const [{ at }] = await db.query(
      `SELECT floor(extract(epoch FROM due_soon_at) * 1000)::bigint AS at FROM disposition_assignment WHERE id = $1`,
      [assignmentId],
    );
    const second = await startTestWorker();
    try {
      const services = [worker!, second].map((w) => w.get(RemindersService));
      const remind = (i: number) => services[i % 2].remind(assignmentId, Number(at));
      // Several in one turn of each worker (one batch), and more in later turns (batches that wait on each other's row lock).
      const outcomes = await Promise.all([
        ...[0, 1, 2, 3, 4, 5].map(remind),
        ...[0, 1, 2, 3, 4, 5].map((i) => sleep(i * 3).then(() => remind(i))),
      ]);
      expect(outcomes.filter((o) => o === 'notified')).toHaveLength(1);
      const [notification] = await notificationsAbout(assignmentId);
      const stored: { id: string }[] = await db.query(`SELECT id FROM notification WHERE ${FOLLOW_UPS}`, [assignmentId]);
      expect(stored).toHaveLength(1);
      expect(notification.kind).toBe('assignment.due-soon');
      const live = () =>
        db.query(`SELECT status FROM notification_delivery WHERE notification_id = $1 AND channel = 'live'`, [stored[0].id]);
      await until('the live push recorded', async () =>
        (await live()).some((d: { status: string }) => d.status === 'sent') ? true : undefined,
      );
      await sleep(1000);
      expect(await live()).toEqual([{ status: 'sent' }]);
      // Pushed from the worker that stored it, once committed: no delivery job was queued.
      const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM outbox WHERE job_id = $1`, [
        `notification-${stored[0].id}-deliver`,
      ]);
      expect(queued).toBe(0);
      const [{ reminded }] = await db.query(`SELECT reminded_at IS NOT NULL AS reminded FROM disposition_assignment WHERE id = $1`, [
        assignmentId,
      ]);
      expect(reminded).toBe(true);
    } finally {
      await second.close();
    }
  }, 60_000);
});
