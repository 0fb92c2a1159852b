import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/errors';
import { FailedJobsService, redactJobData } from './failed-jobs.service';
import type { QueueRegistry } from '../queue/queue.registry';

/** A queue whose failed set is `finishedOn` values, newest first, like BullMQ's. */
function fakeQueue(name: string, finished: number[]) {
  const jobs = finished.map((t, i) => ({
    id: `${name}-${i}`,
    name: 'x',
    data: {},
    attemptsMade: 1,
    opts: { attempts: 1 },
    timestamp: t - 10,
    finishedOn: t,
  }));
  return {
    name,
    getFailedCount: async () => jobs.length,
    getFailed: async (start: number, end: number) => jobs.slice(start, end + 1) as unknown as Job[],
  };
}

function service(queues: Record<string, ReturnType<typeof fakeQueue>>): FailedJobsService {
  const registry = { get: (name: string) => queues[name] } as unknown as QueueRegistry;
  return new FailedJobsService(registry, {} as DataSource, {} as AuditService, Object.keys(queues));
}

describe('FailedJobsService', () => {
  it('redacts secret-looking keys at any depth and keeps the rest', () => {
    expect(
      redactJobData({
        letterId: 'L1',
        password: 'p',
        nested: { accessToken: 't', otpCode: '123456', keyPassphrase: 'k', list: [{ clientSecret: 's', ok: 1 }] },
      }),
    ).toEqual({
      letterId: 'L1',
      password: '[redacted]',
      nested: {
        accessToken: '[redacted]',
        otpCode: '[redacted]',
        keyPassphrase: '[redacted]',
        list: [{ clientSecret: '[redacted]', ok: 1 }],
      },
    });
  });

  it('merges the queues newest failure first and pages through every job exactly once', async () => {
    const svc = service({ a: fakeQueue('a', [900, 700, 500, 100]), b: fakeQueue('b', [800, 600, 550, 50]) });
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const conn = await svc.list(null, 3, after);
      expect(conn.totalCount).toBe(8);
      seen.push(...conn.edges.map((e) => e.node.finishedOn!.getTime()));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual([900, 800, 700, 600, 550, 500, 100, 50]);
  });

  it('lists one queue, and refuses an unknown queue or another listing’s cursor', async () => {
    const svc = service({ a: fakeQueue('a', [3, 2, 1]), b: fakeQueue('b', [4]) });
    const one = await svc.list('a', 2);
    expect(one.edges.map((e) => e.node.id)).toEqual(['a-0', 'a-1']);
    expect(one.totalCount).toBe(3);
    await expect(svc.list('nope')).rejects.toThrow('antrean yang ada adalah a, b');
    await expect(svc.list('nope')).rejects.toBeInstanceOf(AppError);
    await expect(svc.list(null, 2, one.pageInfo.endCursor)).rejects.toThrow('Kursor');
  });
});
