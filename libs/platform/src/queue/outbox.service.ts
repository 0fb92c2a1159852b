import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Statement } from '../database/statement';

export interface OutboxJob {
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  jobId?: string;
  runAt?: Date;
  /** BullMQ priority: a job with one waits behind every job without (see notification delivery lanes). */
  priority?: number;
}

export const OUTBOX_CHANNEL = 'gesit_outbox';

// BullMQ refuses ':' in custom ids and treats plain integers specially.
const VALID_JOB_ID = /^(?!\d+$)[A-Za-z0-9._-]+$/;

/** Writes jobs in the caller's transaction: they exist exactly when the change that asked for them commits. */
@Injectable()
export class OutboxService {
  add(em: EntityManager, ...jobs: OutboxJob[]): Promise<string[]> {
    return this.addWith(em, null, jobs);
  }

  /**
   * Like add(), with one more write of the caller's (an INSERT or UPDATE without RETURNING, parameters $1..$n
   * of `along.values`) in the same statement: one round trip instead of two inside the caller's transaction.
   * `select`, given the number of parameters before its own, adds the call of a function that returns one row with
   * an `id` (AuditService.append's audit_append) to the same statement.
   */
  async addWith(
    em: EntityManager,
    along: { sql: string; values: unknown[] } | null,
    jobs: OutboxJob[],
    select?: (offset: number) => { sql: string; values: unknown[] },
  ): Promise<string[]> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('OutboxService.add must run inside a transaction');
    const values: unknown[] = [...(along?.values ?? [])];
    const { ids, rows } = jobRows(jobs, values);
    const writes = [
      ...(along ? [`along AS (${along.sql})`] : []),
      ...(rows.length
        ? [`added AS (INSERT INTO outbox (id, queue, name, payload, job_id, run_at, priority) VALUES ${rows.join(', ')})`]
        : []),
    ];
    const results: string[] = [];
    // NOTIFY is delivered at commit, so the relay wakes exactly when the rows become visible; one statement for all.
    if (rows.length) {
      values.push(OUTBOX_CHANNEL);
      results.push(`pg_notify($${values.length}, '')`);
    }
    if (select) {
      const call = select(values.length);
      values.push(...call.values);
      results.push(`(SELECT s.id FROM ${call.sql} s)`);
    }
    if (!results.length) {
      if (along) await em.query(along.sql, along.values);
      return ids;
    }
    await em.query(`${writes.length ? `WITH ${writes.join(', ')} ` : ''}SELECT ${results.join(', ')}`, values);
    return ids;
  }

  /**
   * Adds the jobs to `statement`, written only with the row of `when` (see Statement), and returns their ids
   * and the NOTIFY for the relay, which the caller puts into the statement's main query.
   */
  addIn(statement: Statement, jobs: OutboxJob[], when: string): { ids: string[]; notify: string | null } {
    const { ids, rows } = jobRows(jobs, statement.values);
    if (!rows.length) return { ids, notify: null };
    statement.with(
      'outbox_added',
      `INSERT INTO outbox (id, queue, name, payload, job_id, run_at, priority)
       SELECT v.* FROM (VALUES ${rows.join(', ')}) AS v(id, queue, name, payload, job_id, run_at, priority), ${when} w WHERE w.ok`,
    );
    return { ids, notify: `(SELECT pg_notify(${statement.param(OUTBOX_CHANNEL)}, '') FROM ${when} w WHERE w.ok)` };
  }
}

/** VALUES rows of the jobs, their parameters appended to `values`; typed, so they also serve INSERT … SELECT. */
function jobRows(jobs: OutboxJob[], values: unknown[]): { ids: string[]; rows: string[] } {
  const ids: string[] = [];
  const rows: string[] = [];
  for (const job of jobs) {
    if (job.jobId !== undefined && !VALID_JOB_ID.test(job.jobId)) throw new Error(`invalid job id "${job.jobId}"`);
    const id = randomUUID();
    ids.push(id);
    const p = values.length;
    rows.push(
      `($${p + 1}::uuid, $${p + 2}::text, $${p + 3}::text, $${p + 4}::jsonb, $${p + 5}::text, $${p + 6}::timestamptz, $${p + 7}::int)`,
    );
    values.push(id, job.queue, job.name, JSON.stringify(job.payload), job.jobId ?? null, job.runAt ?? null, job.priority ?? null);
  }
  return { ids, rows };
}
