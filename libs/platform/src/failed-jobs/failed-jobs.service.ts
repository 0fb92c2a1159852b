import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transactions';
import { ConnectionShape, decodeCursor, encodeCursor, pageSize } from '../graphql/connection';
import { badInput, conflict, notFound } from '../errors/errors';
import type { FailedJobType } from './failed-job.type';
import { QueueRegistry } from '../queue/queue.registry';

/** The queue names an administrator may inspect: the application's own list, shared with /metrics. */
export const KNOWN_QUEUES = Symbol('KNOWN_QUEUES');

export const REDACTED = '[redacted]';

// Keys whose values never leave the server in a failed-jobs listing (matched anywhere in the key, any case).
const SECRET_KEY = /pass(word|phrase)|token|secret|code/i;

/** A deep copy of job data with the values of secret-looking keys replaced by "[redacted]". */
export function redactJobData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJobData);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, SECRET_KEY.test(key) ? REDACTED : redactJobData(v)]),
    );
  }
  return value;
}

/** The GraphQL view of a failed job. */
export function toFailedJob(queue: string, job: Job): FailedJobType {
  return {
    queue,
    id: String(job.id),
    name: job.name,
    data: JSON.stringify(redactJobData(job.data ?? null)),
    failedReason: job.failedReason || null,
    attemptsMade: job.attemptsMade ?? 0,
    attempts: job.opts?.attempts ?? 1,
    createdAt: new Date(job.timestamp),
    finishedOn: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

// The cursor's first element: which queues the offsets are for, so a cursor of one listing is refused by another.
const ALL_QUEUES = '*';

/**
 * Jobs in BullMQ's failed state across the known queues, newest failure first, and their retry.
 *
 * Each queue's failed set is already ordered by failure time, newest first; a page is a k-way merge of
 * the queues' next `first + 1` jobs. The cursor holds, per queue, how many of its failed jobs come
 * before it (offsets into `getFailed`), so a page is correct for a failed set that does not change
 * meanwhile; jobs that fail or are retried between two pages shift the later pages by as many.
 */
@Injectable()
export class FailedJobsService {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(KNOWN_QUEUES) private readonly known: readonly string[],
  ) {}

  knownQueues(): readonly string[] {
    return this.known;
  }

  async list(queue: string | null | undefined, first?: number | null, after?: string | null): Promise<ConnectionShape<FailedJobType>> {
    const size = pageSize(first);
    const names = queue === null || queue === undefined ? [...this.known] : [this.queueName(queue)];
    const scope = names.length === 1 && queue !== null && queue !== undefined ? names[0] : ALL_QUEUES;
    const offsets = this.decodeOffsets(after, scope, names.length);

    const [counts, heads] = await Promise.all([
      Promise.all(names.map((name) => this.queues.get(name).getFailedCount())),
      Promise.all(names.map((name, i) => this.queues.get(name).getFailed(offsets[i], offsets[i] + size))),
    ]);

    // k-way merge, keeping each queue's own order (its offsets count positions in that order).
    const next = names.map(() => 0);
    const picked: { queueIndex: number; job: Job }[] = [];
    while (picked.length < size + 1) {
      let best = -1;
      for (let i = 0; i < names.length; i++) {
        const candidate = heads[i][next[i]];
        if (!candidate) continue;
        if (best < 0 || finishedAt(candidate) > finishedAt(heads[best][next[best]])) best = i;
      }
      if (best < 0) break;
      picked.push({ queueIndex: best, job: heads[best][next[best]] });
      next[best]++;
    }

    const consumed = [...offsets];
    const edges = picked.slice(0, size).map(({ queueIndex, job }) => {
      consumed[queueIndex]++;
      return { node: toFailedJob(names[queueIndex], job), cursor: encodeCursor([scope, ...consumed]) };
    });
    return {
      edges,
      pageInfo: { hasNextPage: picked.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      totalCount: counts.reduce((sum, n) => sum + n, 0),
    };
  }

  /** Moves one failed job back to waiting (BullMQ `retry`), recording who did it in the audit log. */
  async retry(actorId: string, queue: string, id: string): Promise<boolean> {
    const name = this.queueName(queue);
    const key = `${name}/${id}`;
    const job = await this.queues.get(name).getJob(id);
    if (!job) throw notFound({ id: `Job ${key}`, en: `Job ${key}` });
    const state = await job.getState();
    if (state === 'unknown') throw notFound({ id: `Job ${key}`, en: `Job ${key}` });
    if (state !== 'failed') throw notRetriable(key, state);
    await inTransaction(this.dataSource, async (em) => {
      await this.audit.record(em, {
        actorId,
        action: 'job.retried',
        entityType: 'Job',
        entityId: key,
        change: { name: job.name, failedReason: job.failedReason ?? null, attemptsMade: job.attemptsMade },
      });
      // Inside the transaction: if BullMQ refuses (the job moved on meanwhile), the audit event rolls back with it.
      try {
        await job.retry('failed');
      } catch (error) {
        const now = await job.getState().catch(() => 'unknown');
        if (now === 'unknown') throw notFound({ id: `Job ${key}`, en: `Job ${key}` });
        if (now !== 'failed') throw notRetriable(key, now);
        throw error;
      }
    });
    return true;
  }

  private queueName(queue: string): string {
    if (!this.known.includes(queue)) {
      throw badInput(
        {
          id: `Antrean "${queue}" tidak dikenal: antrean yang ada adalah ${this.known.join(', ')}.`,
          en: `Unknown queue "${queue}": the known queues are ${this.known.join(', ')}.`,
        },
        { knownQueues: [...this.known] },
      );
    }
    return queue;
  }

  private decodeOffsets(after: string | null | undefined, scope: string, count: number): number[] {
    const values = decodeCursor(after, count + 1);
    if (!values) return Array.from({ length: count }, () => 0);
    const [cursorScope, ...offsets] = values;
    if (cursorScope !== scope || !offsets.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
      throw badInput({
        id: 'Kursor pada "after" milik daftar lain; mulai lagi tanpa kursor itu.',
        en: 'The cursor in "after" belongs to another listing; start again without it.',
      });
    }
    return offsets as number[];
  }
}

const finishedAt = (job: Job): number => job.finishedOn ?? job.timestamp ?? 0;

const notRetriable = (key: string, state: string) =>
  conflict(
    {
      id: `Job ${key} berstatus ${state}, bukan gagal: hanya job yang gagal setelah percobaan terakhirnya yang dapat diulang.`,
      en: `Job ${key} is ${state}, not failed: only a job that failed after its last attempt can be retried.`,
    },
    { state },
  );
