import type { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { OutboxRelayService, QueueRegistry } from '@gesit/platform';
import { TASK_FOLLOW_UPS, TaskFollowUpSweepService, taskEscalationJobId, taskJobId } from '@gesit/tasks';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { type Agency, createAgency } from '../harness/org';
import { deleteKeysUnder } from '../harness/redis-keys';
import { sleep, until } from '../harness/wait';

/** Task reminders, due notices and escalation with the real worker, Redis and PostgreSQL, repaired by the sweep. */
describe('task follow-ups', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: Agency;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    org = await createAgency(api, await adminToken(api));
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const createTask = async (input: Record<string, unknown>, token: string): Promise<string> =>
    (await api.gqlOk<any>('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', { input }, token)).createTask.id;
  const followUps = async (taskId: string): Promise<{ user_id: string; kind: string; title: string }[]> =>
    db.query(
      `SELECT user_id, kind, title FROM notification WHERE entity_id = $1 AND kind <> 'task.assigned' ORDER BY created_at, user_id`,
      [taskId],
    );
  const kinds = async (taskId: string): Promise<string[]> => (await followUps(taskId)).map((n) => n.kind);
  const sweep = async (): Promise<number> => {
    const requeued = await worker.get(TaskFollowUpSweepService).run();
    await worker.get(OutboxRelayService).drain();
    return requeued;
  };
  const queue = () => api.app.get(QueueRegistry).get(TASK_FOLLOW_UPS.queue);

  it('sends the reminder and the due notice that were lost with Redis, through the sweep, each once', async () => {
    const dueAt = new Date(Date.now() + 60 * 60_000);
    const taskId = await createTask({ title: 'Menyusun telaah staf', assigneeIds: [org.staff.id], dueAt }, org.division1.token);
    const dueJob = taskJobId(taskId, 'due', dueAt);
    await until('the due notice queued in Redis', async () => ((await queue().getJob(dueJob)) ? true : undefined));

    // Redis loses the task's queue, with the reminder and the due notice waiting in it.
    const redis = new IORedis(api.config.redisUrl);
    await deleteKeysUnder(redis, `${api.config.queuePrefix}:${TASK_FOLLOW_UPS.queue}`);
    await redis.quit();
    expect(await queue().getJob(dueJob)).toBeUndefined();

    // Time passes (the test moves the task's points): the due-soon point is past, and nothing came.
    await db.query(`UPDATE task SET due_soon_at = date_trunc('milliseconds', now()) - interval '1 second' WHERE id = $1`, [taskId]);
    expect(await kinds(taskId)).toEqual([]);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    await until('the repaired reminder', async () => ((await kinds(taskId)).length ? true : undefined));
    expect(await followUps(taskId)).toEqual([
      { user_id: org.staff.id, kind: 'task.due-soon', title: expect.stringMatching(/^Tugas "Menyusun telaah staf" jatuh tempo /) },
    ]);

    // Then the due time passes too: the assignee is told, and so is their superior, once however often the sweep runs.
    await db.query(`UPDATE task SET due_at = date_trunc('milliseconds', now()) - interval '1 second' WHERE id = $1`, [taskId]);
    await sweep();
    await until('the repaired due notice and escalation', async () => ((await kinds(taskId)).length >= 3 ? true : undefined));
    await sweep();
    await until('the task marked as escalated', async () => {
      const [row] = await db.query('SELECT escalation_level FROM task WHERE id = $1', [taskId]);
      return row.escalation_level === 1 ? true : undefined;
    });
    expect((await followUps(taskId)).map((n) => [n.user_id, n.kind]).sort()).toEqual(
      [
        [org.staff.id, 'task.due-soon'],
        [org.staff.id, 'task.overdue'],
        [org.division1.id, 'task.escalated'],
      ].sort(),
    );
  });

  it('sends each lost follow-up once when more sweeps than pooled connections run at the same time, without hanging', async () => {
    const POOL = 3;
    const dueAt = new Date(Date.now() + 60 * 60_000);
    const soon = await createTask({ title: 'Menyiapkan bahan rapat', assigneeIds: [org.staff.id], dueAt }, org.division1.token);
    const late = await createTask({ title: 'Merekap surat masuk', assigneeIds: [org.staff.id], dueAt }, org.division1.token);
    for (const taskId of [soon, late])
      await until('the due notice queued in Redis', async () =>
        (await queue().getJob(taskJobId(taskId, 'due', dueAt))) ? true : undefined,
      );
    const redis = new IORedis(api.config.redisUrl);
    await deleteKeysUnder(redis, `${api.config.queuePrefix}:${TASK_FOLLOW_UPS.queue}`);
    await redis.quit();
    await db.query(`UPDATE task SET due_soon_at = date_trunc('milliseconds', now()) - interval '1 second' WHERE id = $1`, [soon]);
    await db.query(`UPDATE task SET due_at = date_trunc('milliseconds', now()) - interval '1 second', due_soon_at = NULL WHERE id = $1`, [
      late,
    ]);

    // A second worker with a narrow pool: four times as many sweeps at once as it has connections, twice over.
    const narrow = await startTestWorker({ DATABASE_POOL_SIZE: String(POOL) });
    try {
      for (let round = 0; round < 2; round++) {
        const sweeps = Promise.all(Array.from({ length: POOL * 4 }, () => narrow.get(TaskFollowUpSweepService).run()));
        let timer: NodeJS.Timeout | undefined;
        const counted = await Promise.race([sweeps, new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 30_000)))]);
        clearTimeout(timer);
        expect(counted).not.toBe('hung');
        await narrow.get(OutboxRelayService).drain();
      }
      await until('the repaired reminder, due notice and escalation', async () =>
        (await kinds(soon)).length + (await kinds(late)).length >= 3 ? true : undefined,
      );
      // Both workers run the requeued jobs; give a duplicate the time to show.
      await sleep(2_000);
      expect(await followUps(soon)).toEqual([{ user_id: org.staff.id, kind: 'task.due-soon', title: expect.any(String) }]);
      expect((await followUps(late)).map((n) => [n.user_id, n.kind]).sort()).toEqual(
        [
          [org.staff.id, 'task.overdue'],
          [org.division1.id, 'task.escalated'],
        ].sort(),
      );
    } finally {
      await narrow.close();
    }
  });

  it('escalates one level higher every escalateEveryWorkingHours, up to the head, then stops', async () => {
    const taskId = await createTask(
      { title: 'Rekap kehadiran triwulan', assigneeIds: [org.staff.id], dueAt: new Date(Date.now() + 60 * 60_000) },
      org.division1.token,
    );
    const escalations = async () => (await followUps(taskId)).filter((n) => n.kind === 'task.escalated');
    // Overdue since a minute ago: the staff member's superior (head of division) hears first.
    await db.query(`UPDATE task SET due_at = date_trunc('milliseconds', now()) - interval '1 minute', due_soon_at = NULL WHERE id = $1`, [
      taskId,
    ]);
    await sweep();
    await until('the first escalation', async () => ((await escalations()).length ? true : undefined));
    expect((await escalations()).map((n) => n.user_id)).toEqual([org.division1.id]);
    const [level1] = await db.query(
      'SELECT escalation_level, next_escalation_at, floor(extract(epoch FROM due_at) * 1000)::bigint AS due_ms FROM task WHERE id = $1',
      [taskId],
    );
    expect(level1.escalation_level).toBe(1);
    expect(level1.next_escalation_at).not.toBeNull();

    // The next level waits as a delayed job for 8 working hours. Lose it, make it due, and let the sweep
    // bring it back: it goes one level higher, to the head of the agency.
    // The outbox relay queues it after the escalation's transaction commits: on a busy machine a moment later.
    const delayed = await until(
      'the next escalation queued',
      async () => (await queue().getJob(taskEscalationJobId(taskId, 2, new Date(Number(level1.due_ms))))) ?? undefined,
    );
    expect(await delayed.getState()).toBe('delayed');
    await delayed.remove();
    await db.query(`UPDATE task SET next_escalation_at = now() - interval '1 second' WHERE id = $1`, [taskId]);
    await sweep();
    await until('the second escalation', async () => ((await escalations()).length >= 2 ? true : undefined));
    const second = await escalations();
    expect(second.map((n) => n.user_id)).toEqual([org.division1.id, org.head.id]);
    expect(second[1].title).toMatch(/^Tugas "Rekap kehadiran triwulan" untuk Staf Bidang Satu melewati tenggat .* \(eskalasi tingkat 2\)$/);
    const [level2] = await db.query('SELECT escalation_level, next_escalation_at FROM task WHERE id = $1', [taskId]);
    expect(level2).toEqual({ escalation_level: 2, next_escalation_at: null });

    // Nobody is above the head: the sweep finds nothing more for this task.
    await sweep();
    expect(await escalations()).toHaveLength(2);
  });
});
