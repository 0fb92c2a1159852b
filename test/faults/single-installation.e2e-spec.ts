import { Queue } from 'bullmq';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as MinioClient } from 'minio';
import { promisify } from 'node:util';
import { DELIVER_NOTIFICATION_JOB, NOTIFICATIONS_QUEUE, REMINDERS } from '@gesit/notifications';
import { makePdf, uploadPdf } from '../harness/files';
import { uniqueSuffix } from '../harness/identity';
import { sleep, until } from '../harness/wait';
import { createFaultOrg, disposeDueIn, eachNoticeOnce, type FaultOrg, kindsPerAssignment, SLA_NOTICE_KINDS } from './support/fault-org';
import { type FaultStack, type RemoteApi, startFaultStack } from './support/fault-stack';
import type { ApiProcess, GesitProcess } from './support/processes';

const ROOT = join(__dirname, '..', '..');

/**
 * Faults on one installation of one API and one worker process, with a PostgreSQL, a Redis and an SMTP
 * server of its own and the e2e run's S3 test server. The tests run in order on the same installation;
 * each leaves it running again.
 */
describe('faults: one API and one worker, killed and cut off for real', () => {
  let stack: FaultStack;
  let api: ApiProcess & RemoteApi;
  let worker: GesitProcess;
  let org: FaultOrg;

  beforeAll(async () => {
    stack = await startFaultStack({ smtp: true, storage: 's3' });
    [api, worker] = await Promise.all([stack.startApi('api'), stack.startWorker('worker')]);
    org = await createFaultOrg(api, await stack.adminToken(api), 40);
  }, 180_000);

  afterAll(async () => {
    await stack?.destroy();
  });

  const notificationsAbout = (assignmentIds: string[]) =>
    stack.query<{ id: string; user_id: string; kind: string; entity_id: string }>(
      // The follow-ups only (the notice of the new work rides on the event job, tested in test/notifications).
      `SELECT id, user_id, kind, entity_id FROM notification WHERE entity_id = ANY($1::text[]) AND kind <> 'disposition.received' ORDER BY created_at`,
      [assignmentIds],
    );

  /** Each assignment has its reminder and due notice, and its head an escalation: once each. */
  function expectEachOnce(rows: { user_id: string; kind: string; entity_id: string }[], assignmentIds: string[]) {
    expect(rows).toHaveLength(assignmentIds.length * SLA_NOTICE_KINDS.length);
    expect(kindsPerAssignment(rows, assignmentIds)).toEqual(eachNoticeOnce(assignmentIds.length));
    expect(rows.filter((n) => n.kind === 'assignment.escalated').every((n) => n.user_id === org.head.id)).toBe(true);
  }

  /** The notification ids of the e-mails the SMTP server received (one Message-ID per notification), with repeats. */
  const mailedIds = () =>
    stack.smtp!.received.map((mail) => /^Message-ID:\s*<notification-([0-9a-f-]{36})@gesit>/im.exec(mail.raw)?.[1] ?? 'none');

  describe('Redis restarted empty', () => {
    async function remindedAndMailed(assignmentIds: string[], timeoutMs: number) {
      return until(
        `3 notifications for each of ${assignmentIds.length} assignments, each e-mailed`,
        async () => {
          const rows = await notificationsAbout(assignmentIds);
          const mailed = new Set(mailedIds());
          return rows.length === assignmentIds.length * 3 && rows.every((n) => mailed.has(n.id)) ? rows : undefined;
        },
        timeoutMs,
        250,
      );
    }

    it('repairs the reminders Redis lost with the sweep, and sends no e-mail twice when deliveries run again', async () => {
      const early = await disposeDueIn(
        api,
        org,
        org.staff.slice(0, 4).map((s) => s.id),
        5,
        'awal',
      );
      const sent = await remindedAndMailed(early, 40_000);

      // Reminders wait in Redis as delayed jobs; then Redis dies and comes back empty.
      const late = await disposeDueIn(
        api,
        org,
        org.staff.slice(4, 8).map((s) => s.id),
        12,
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
      await remindedAndMailed(late, 60_000);
      expect(worker.exited()).toBe(false);
      const all = [...sent, ...(await notificationsAbout(late))];
      expectEachOnce(all, [...early, ...late]);
      const mailed = mailedIds();
      expect(mailed.filter((id) => all.some((n) => n.id === id)).sort()).toEqual(all.map((n) => n.id).sort());
      expect(new Set(mailed).size).toBe(mailed.length);
    }, 150_000);
  });

  describe('the worker killed with SIGKILL', () => {
    it('in the middle of a burst of reminders: after a restart every reminder arrives exactly once', async () => {
      const assignments = await disposeDueIn(
        api,
        org,
        org.staff.map((s) => s.id),
        10,
        'beruntun',
      );
      const expected = assignments.length * SLA_NOTICE_KINDS.length;
      // Killed while reminder jobs of the burst are running and more are queued.
      const sla = new Queue(REMINDERS.queue, { connection: { url: stack.redis.url }, prefix: stack.env.QUEUE_PREFIX });
      try {
        const ours = (id: string | undefined) => assignments.some((a) => id?.startsWith(`assignment-${a}-`));
        await until(
          'reminder jobs of the burst to be running',
          async () => ((await sla.getActive(0, 500)).some((job) => ours(job.id)) ? true : undefined),
          40_000,
          5,
        );
      } finally {
        await sla.close();
      }
      await worker.kill9();
      expect((await notificationsAbout(assignments)).length).toBeLessThan(expected);
      worker = await stack.startWorker('worker-after-kill');

      await until(
        'every reminder, due notice and escalation',
        async () => ((await notificationsAbout(assignments)).length >= expected ? true : undefined),
        60_000,
        250,
      );
      // Two more sweeps and job-lock periods, for anything that would arrive a second time.
      await sleep(5_000);
      expectEachOnce(await notificationsAbout(assignments), assignments);
      // What the head sees in the app: one escalation per overdue assignment.
      const { notifications } = await api.gqlOk<any>(
        '{ notifications(first: 100) { edges { node { kind entityId } } } }',
        {},
        org.head.token,
      );
      const escalated = notifications.edges.filter(
        (e: any) => e.node.kind === 'assignment.escalated' && assignments.includes(e.node.entityId),
      );
      expect(escalated).toHaveLength(assignments.length);
    }, 120_000);
  });

  describe('PostgreSQL restarted under load', () => {
    // Longest a request may take while PostgreSQL is gone: it is answered (with an error), never left hanging.
    const REQUEST_BOUND_MS = 15_000;

    it('is reported unready while down, answers every request within its bound, and recovers by itself', async () => {
      const outcomes: { at: number; ms: number; ok: boolean }[] = [];
      let loading = true;
      const load = async () => {
        while (loading) {
          const at = Date.now();
          const ok = await api
            .gql('{ notifications(first: 5) { totalCount } }', {}, org.head.token)
            .then((res) => !res.errors?.length)
            .catch(() => false);
          outcomes.push({ at, ms: Date.now() - at, ok });
          if (!ok) await sleep(50);
        }
      };
      const loops = Array.from({ length: 4 }, load);
      const ready = async () => (await fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS) })).status;
      try {
        await until('the load to run', () => (outcomes.filter((o) => o.ok).length >= 20 ? true : undefined));
        expect(await ready()).toBe(200);

        stack.pg.stop('immediate');
        const downAt = Date.now();
        expect(await ready()).toBe(503);
        // Down for three seconds at least, with requests arriving all the while.
        await until(
          'requests during three seconds of outage to be answered',
          () => (outcomes.some((o) => o.at > downAt + 3_000) && outcomes.filter((o) => o.at > downAt).length >= 20 ? true : undefined),
          REQUEST_BOUND_MS,
        );
        expect(outcomes.filter((o) => o.at > downAt + 500).every((o) => !o.ok)).toBe(true);
        expect(await ready()).toBe(503);

        await stack.pg.start();
        const upAt = Date.now();
        await until('requests to succeed again', () => (outcomes.some((o) => o.at > upAt && o.ok) ? true : undefined), 10_000, 50);
        await until('readiness', async () => ((await ready()) === 200 ? true : undefined), 10_000 - (Date.now() - upAt), 100);
        expect(Date.now() - upAt).toBeLessThan(10_000);
      } finally {
        loading = false;
        await Promise.all(loops);
      }
      expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(REQUEST_BOUND_MS);

      // The worker relays and runs jobs again: reminders of a disposition made now arrive.
      const recoveredAt = Date.now();
      const assignments = await disposeDueIn(api, org, [org.staff[0].id], 2, 'pulih');
      await until(
        'the reminders of a new disposition',
        async () => ((await notificationsAbout(assignments)).length >= 2 ? true : undefined),
        10_000,
        100,
      );
      expect(Date.now() - recoveredAt).toBeLessThan(10_000);
      expect(worker.exited()).toBe(false);
    }, 120_000);
  });

  describe('the API killed with SIGKILL', () => {
    const letters: string[] = [];
    let bigFilename = '';

    it('during a 20 MB upload: nothing of it is stored', async () => {
      bigFilename = `besar-${uniqueSuffix()}.pdf`;
      const boundary = `----gesit${uniqueSuffix()}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${bigFilename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const pdf = await makePdf('Lampiran besar');
      const size = 20 * 1024 * 1024;
      const chunk = 256 * 1024;
      let sent = 0;
      let killed = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent === 0) controller.enqueue(new Uint8Array(Buffer.concat([head, pdf])));
          if (sent >= size) {
            controller.enqueue(new Uint8Array(tail));
            controller.close();
            return;
          }
          controller.enqueue(new Uint8Array(chunk));
          sent += chunk;
          // Half-way through the body the process dies.
          if (sent >= size / 2 && !killed) {
            killed = true;
            await api.kill9();
          }
          await sleep(5);
        },
      });
      const answer = await fetch(`${api.url}/files`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { authorization: `Bearer ${org.clerk.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      } as RequestInit).then(
        (res) => res.status,
        () => 'connection lost',
      );
      expect(killed).toBe(true);
      expect(answer).toBe('connection lost');
      api = await stack.startApi('api-after-upload-kill');
      expect(await stack.query('SELECT id FROM stored_file WHERE filename = $1', [bigFilename])).toEqual([]);
      // The restarted API takes uploads again.
      expect(await uploadPdf(api, org.clerk.token, 'Setelah mati')).toBeTruthy();
    }, 120_000);

    it('during decideApproval (SIGN): every letter is signed with a number or still signable, and numbers stay gapless', async () => {
      const steps: string[] = [];
      for (let i = 0; i < 8; i++) {
        const draftFileId = await uploadPdf(api, org.drafter.token, `Konsep ${i} ` + '${ttd}');
        const { createOutgoingDraft } = await api.gqlOk<any>(
          'mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }',
          {
            input: {
              kind: 'OFFICIAL_LETTER',
              subject: `Undangan rapat ${i}`,
              classificationCode: '000.1.1',
              securityLevel: 'PUBLIC',
              urgency: 'NORMAL',
              draftFileId,
            },
          },
          org.drafter.token,
        );
        const { submitForApproval } = await api.gqlOk<any>(
          'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { approvalSteps { id status } } }',
          { input: { letterId: createOutgoingDraft.id, reviewerIds: [], signerId: org.head.id } },
          org.drafter.token,
        );
        letters.push(createOutgoingDraft.id);
        steps.push(submitForApproval.approvalSteps.find((s: any) => s.status === 'PENDING').id);
      }
      const DECIDE = 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id status } }';
      const decisions = steps.map((stepId) =>
        api.gql(DECIDE, { input: { stepId, decision: 'APPROVE' } }, org.head.token).then(
          () => 'answered',
          () => 'connection lost',
        ),
      );
      const signedCount = async () =>
        (
          await stack.query<{ n: number }>("SELECT count(*)::int AS n FROM letter WHERE id = ANY($1::uuid[]) AND status = 'SIGNED'", [
            letters,
          ])
        )[0].n;
      await until('the first letter to be signed', async () => ((await signedCount()) > 0 ? true : undefined), 60_000, 10);
      await api.kill9();
      const answers = await Promise.all(decisions);
      expect(answers).toContain('connection lost');
      api = await stack.startApi('api-after-sign-kill');

      const state = () =>
        stack.query<{
          id: string;
          status: string;
          number: string | null;
          signed_file_id: string | null;
          step_status: string;
          step_id: string;
        }>(
          `SELECT l.id, l.status, l.number, o.signed_file_id, s.status AS step_status, s.id AS step_id
             FROM letter l JOIN outgoing_letter o ON o.letter_id = l.id
             JOIN approval_step s ON s.letter_id = l.id AND s.revision = o.revision
            WHERE l.id = ANY($1::uuid[])`,
          [letters],
        );
      const afterKill = await state();
      expect(afterKill).toHaveLength(letters.length);
      for (const letter of afterKill) {
        if (letter.status === 'SIGNED') {
          expect(letter).toMatchObject({ step_status: 'APPROVED' });
          expect(letter.number).toBeTruthy();
          expect(letter.signed_file_id).toBeTruthy();
        } else {
          expect(letter).toMatchObject({ status: 'IN_REVIEW', step_status: 'PENDING', number: null, signed_file_id: null });
        }
      }
      expect(afterKill.some((l) => l.status !== 'SIGNED')).toBe(true);
      // Whatever the kill interrupted can be signed now.
      for (const letter of afterKill.filter((l) => l.status !== 'SIGNED')) {
        const res = await api.gql<any>(DECIDE, { input: { stepId: letter.step_id, decision: 'APPROVE' } }, org.head.token);
        expect(res.errors).toBeUndefined();
      }
      const final = await state();
      expect(final.every((l) => l.status === 'SIGNED' && l.number && l.signed_file_id)).toBe(true);
      const sequence = final.map((l) => Number(/-(\d+)\//.exec(l.number!)?.[1])).sort((a, b) => a - b);
      expect(sequence).toEqual(letters.map((_, i) => i + 1));
      const files = await stack.query('SELECT id FROM stored_file WHERE id = ANY($1::uuid[])', [final.map((l) => l.signed_file_id)]);
      expect(files).toHaveLength(letters.length);
    }, 180_000);

    it('leaves no stored object that no row references after the orphan sweep (npm run storage:sweep)', async () => {
      expect(letters).toHaveLength(8);
      const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      if (!scripts['storage:sweep']) throw new Error('package.json has no "storage:sweep" script (the orphan-object sweep of issue 11)');
      // The sweep is its own process, as an operator or a cron job would run it.
      const swept = await promisify(execFile)('npm', ['run', '--silent', 'storage:sweep'], {
        cwd: ROOT,
        env: { ...process.env, ...stack.env, STORAGE_ORPHAN_GRACE_MINUTES: '0', LOG_LEVEL: 'warn' },
        timeout: 60_000,
      }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`npm run storage:sweep failed: ${error.message}\n${error.stderr ?? ''}${error.stdout ?? ''}`);
      });
      expect(swept.stdout).toMatch(/\d+/);
      const s3 = new URL(stack.env.S3_ENDPOINT);
      const minio = new MinioClient({
        endPoint: s3.hostname,
        port: Number(s3.port),
        useSSL: false,
        accessKey: stack.env.S3_ACCESS_KEY,
        secretKey: stack.env.S3_SECRET_KEY,
      });
      // Uploaded and generated files live under files/; other prefixes (audit checkpoints) are not stored_file rows.
      const objects: string[] = [];
      for await (const item of minio.listObjectsV2(stack.env.S3_BUCKET, 'files/', true)) objects.push((item as { name: string }).name);
      const referenced = new Set(
        (await stack.query<{ storage_key: string }>('SELECT storage_key FROM stored_file')).map((r) => r.storage_key),
      );
      expect(objects.filter((key) => !referenced.has(key))).toEqual([]);
      expect([...referenced].filter((key) => !objects.includes(key))).toEqual([]);
    }, 90_000);
  });
});
