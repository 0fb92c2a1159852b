import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Role } from '@gesit/identity';
import { MAINTENANCE_QUEUE, QueueRegistry } from '@gesit/platform';
import { errorCode, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken, createSignedInTestUser } from '../harness/identity';

const FAILED_JOBS = `query($queue: String, $first: Int, $after: String) {
  failedJobs(queue: $queue, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { queue id name data failedReason attemptsMade attempts createdAt finishedOn } }
  }
}`;
const RETRY = 'mutation($queue: String!, $id: ID!) { retryFailedJob(queue: $queue, id: $id) }';

interface FailedJobNode {
  queue: string;
  id: string;
  name: string;
  data: string;
  failedReason: string | null;
  attemptsMade: number;
  attempts: number;
  createdAt: string;
  finishedOn: string | null;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('failed-jobs view', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let queue: Queue;
  let admin: string;
  let staff: string;
  const added: Job[] = [];
  const suffix = `${process.pid}-${Date.now()}`;

  /** Adds a maintenance job with a name the processor does not know: it fails for real, once. */
  async function addFailingJob(n: number): Promise<Job> {
    const job = await queue.add(
      `e2e.unknown-${n}`,
      { letterId: `L-${n}`, password: 'hunter2', nested: { accessToken: 'abc', otpCode: '123456', note: 'kept' } },
      { jobId: `failed-e2e-${suffix}-${n}`, attempts: 1 },
    );
    added.push(job);
    return job;
  }

  const failedWith = (job: Job, attemptsMade: number) =>
    waitFor(`job ${job.id} failed after ${attemptsMade} attempt(s)`, async () => {
      const now = await queue.getJob(job.id!);
      return now && (await now.isFailed()) && now.attemptsMade >= attemptsMade ? now : null;
    });

  async function listing(variables: Record<string, unknown>, token = admin) {
    return (await api.gqlOk<{ failedJobs: any }>(FAILED_JOBS, variables, token)).failedJobs as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: FailedJobNode }[];
    };
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    queue = api.app.get(QueueRegistry).get(MAINTENANCE_QUEUE);
    admin = await adminToken(api);
    staff = (await createSignedInTestUser(api, { name: 'Staf Antrian', roles: [Role.STAFF] })).token;
  });

  afterAll(async () => {
    await Promise.allSettled(added.map((job) => queue.remove(job.id!)));
    await worker?.close();
    await api?.close();
  });

  it('lists a job that failed after its last attempt, newest first, with its reason and redacted data', async () => {
    const first = await addFailingJob(1);
    await failedWith(first, 1);
    const second = await addFailingJob(2);
    await failedWith(second, 1);

    const page = await listing({ queue: MAINTENANCE_QUEUE, first: 100 });
    const ids = page.edges.map((e) => e.node.id);
    expect(ids.indexOf(second.id!)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(second.id!)).toBeLessThan(ids.indexOf(first.id!));
    expect(page.totalCount).toBeGreaterThanOrEqual(2);
    const node = page.edges.find((e) => e.node.id === second.id)!.node;
    expect(node).toMatchObject({ queue: MAINTENANCE_QUEUE, name: 'e2e.unknown-2', attemptsMade: 1, attempts: 1 });
    expect(node.failedReason).toContain('unknown job "e2e.unknown-2" on queue "maintenance"');
    expect(JSON.parse(node.data)).toEqual({
      letterId: 'L-2',
      password: '[redacted]',
      nested: { accessToken: '[redacted]', otpCode: '[redacted]', note: 'kept' },
    });
    expect(node.data).not.toContain('hunter2');
    expect(new Date(node.finishedOn!).getTime()).toBeGreaterThanOrEqual(new Date(node.createdAt).getTime());

    // Across every known queue the order is by failure time, newest first; pages of one job walk the same list.
    const all = await listing({ first: 100 });
    const times = all.edges.map((e) => new Date(e.node.finishedOn!).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < all.totalCount + 1; i++) {
      const one = await listing({ first: 1, after });
      walked.push(...one.edges.map((e) => `${e.node.queue}/${e.node.id}`));
      if (!one.pageInfo.hasNextPage) break;
      after = one.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.edges.map((e) => `${e.node.queue}/${e.node.id}`));
  });

  it('is for administrators only', async () => {
    const res = await api.gql(FAILED_JOBS, { first: 5 }, staff);
    expect(errorCode(res)).toBe('FORBIDDEN');
    const retry = await api.gql(RETRY, { queue: MAINTENANCE_QUEUE, id: 'whatever' }, staff);
    expect(errorCode(retry)).toBe('FORBIDDEN');
  });

  it('retries a failed job, which runs again, and records who did it', async () => {
    const job = await addFailingJob(3);
    await failedWith(job, 1);
    const res = await api.gqlOk<{ retryFailedJob: boolean }>(RETRY, { queue: MAINTENANCE_QUEUE, id: job.id }, admin);
    expect(res.retryFailedJob).toBe(true);
    const again = await failedWith(job, 2);
    expect(again.attemptsMade).toBe(2);

    const page = await listing({ queue: MAINTENANCE_QUEUE, first: 100 });
    expect(page.edges.find((e) => e.node.id === job.id)?.node.attemptsMade).toBe(2);

    const trail = await api.gqlOk<any>(
      'query($id: ID!) { auditTrail(entityType: "Job", entityId: $id) { action actor { id } } }',
      { id: `${MAINTENANCE_QUEUE}/${job.id}` },
      admin,
    );
    expect(trail.auditTrail).toHaveLength(1);
    expect(trail.auditTrail[0].action).toBe('job.retried');
    expect(trail.auditTrail[0].actor).not.toBeNull();
  });

  it('refuses an unknown queue, an unknown job and a job that has not failed', async () => {
    const unknownQueue = await api.gql(FAILED_JOBS, { queue: 'no-such-queue' }, admin);
    expect(errorCode(unknownQueue)).toBe('BAD_USER_INPUT');
    expect(unknownQueue.errors![0].message).toContain(MAINTENANCE_QUEUE);
    const retryUnknownQueue = await api.gql(RETRY, { queue: 'no-such-queue', id: 'x' }, admin);
    expect(errorCode(retryUnknownQueue)).toBe('BAD_USER_INPUT');

    const missing = await api.gql(RETRY, { queue: MAINTENANCE_QUEUE, id: `missing-${suffix}` }, admin);
    expect(errorCode(missing)).toBe('NOT_FOUND');

    const delayed = await queue.add('e2e.later', {}, { jobId: `failed-e2e-${suffix}-delayed`, delay: 3_600_000 });
    added.push(delayed);
    const notFailed = await api.gql(RETRY, { queue: MAINTENANCE_QUEUE, id: delayed.id }, admin);
    expect(errorCode(notFailed)).toBe('CONFLICT');
    expect(notFailed.errors![0].message).toContain('delayed');

    const foreignCursor = await api.gql(FAILED_JOBS, { queue: MAINTENANCE_QUEUE, after: 'bm9uc2Vuc2U' }, admin);
    expect(errorCode(foreignCursor)).toBe('BAD_USER_INPUT');
  });
});
