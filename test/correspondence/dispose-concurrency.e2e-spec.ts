import { Client } from 'pg';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { TEST_DATABASE_URL } from '../harness/env';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';

// A dispose is one statement, atomic without a transaction around it. These cases hold rows it needs in a
// transaction of their own and check what it does while it waits and after.

const DISPOSE = `mutation($input: DisposeInput!) { dispose(input: $input) { id assignments { id assignee { id } status } } }`;
const LETTER = `query($id: ID!) {
  letter(id: $id) { status timeline { action } dispositions { id } }
}`;

const POOL = 3;

describe('dispose while others hold what it needs', () => {
  let api: TestApi;
  let org: Agency;
  let other: Client;
  let admin: string;
  let counter = 0;

  beforeAll(async () => {
    api = await startTestApi({ env: { DATABASE_POOL_SIZE: String(POOL) } });
    admin = await adminToken(api);
    org = await createAgency(api, admin);
    other = new Client({ connectionString: TEST_DATABASE_URL });
    await other.connect();
  });

  afterAll(async () => {
    await other.end();
    await api.close();
  });

  async function registered(): Promise<{ letterId: string; headAssignmentId: string }> {
    counter += 1;
    const letter = await registerIncomingLetter(api, org.clerk.token, {
      subject: `Permohonan data kepegawaian ${counter}`,
      addresseeIds: [org.head.id],
    });
    return { letterId: letter.id, headAssignmentId: letter.assignmentId };
  }

  /** Resolves once the API's dispose statement is waiting for a lock held by `other`. */
  async function waitingForLock(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      // Inside `other`'s transaction the activity view would be read once and kept: read it afresh each time.
      await other.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await other.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%locked AS (SELECT a.status%'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the dispose never waited for the lock');
  }

  async function counts(letterId: string) {
    const { rows } = await other.query(
      `SELECT (SELECT count(*)::int FROM disposition WHERE letter_id = $1) AS dispositions,
              (SELECT count(*)::int FROM letter_event WHERE letter_id = $1) AS events,
              (SELECT count(*)::int FROM audit_event WHERE change->>'letterId' = $1::text) AS audits,
              (SELECT count(*)::int FROM outbox WHERE payload->>'letterId' = $1::text) AS outbox`,
      [letterId],
    );
    return rows[0];
  }

  it('refuses with CONFLICT an assignment completed while it waited, and writes nothing', async () => {
    const { letterId, headAssignmentId } = await registered();
    const before = await counts(letterId);
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM disposition_assignment WHERE id = $1 FOR UPDATE', [headAssignmentId]);
    const disposing = api.gql(
      DISPOSE,
      { input: { letterId, parentAssignmentId: headAssignmentId, assigneeIds: [org.division1.id], instructions: ['FOLLOW_UP'] } },
      org.head.token,
    );
    await waitingForLock();
    await other.query(`UPDATE disposition_assignment SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [headAssignmentId]);
    await other.query('COMMIT');

    const res = await disposing;
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toBe('Disposisi ini baru saja diselesaikan; tidak ada lagi yang dapat diteruskan.');
    expect(await counts(letterId)).toEqual(before);
    const { letter } = await api.gqlOk<any>(LETTER, { id: letterId }, org.head.token);
    // Still registered: the letter is not put in progress by a disposition that was not made.
    expect(letter.status).toBe('REGISTERED');
    expect(letter.dispositions).toHaveLength(1);
  });

  it('locks the people it names before the audit chain, so a transaction holding one of them can still audit', async () => {
    const { letterId, headAssignmentId } = await registered();
    await other.query('BEGIN');
    // As a sign-in does: the person's row locked, then an audit event appended.
    await other.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [org.division1.id]);
    const disposing = api.gql(
      DISPOSE,
      {
        input: {
          letterId,
          parentAssignmentId: headAssignmentId,
          assigneeIds: [org.division1.id, org.division2.id],
          instructions: ['FOLLOW_UP'],
        },
      },
      org.head.token,
    );
    await waitingForLock();
    // Had the dispose taken the chain's lock first, this would wait for it and PostgreSQL would end one of the two
    // as a deadlock after deadlock_timeout.
    await other.query(`SET LOCAL lock_timeout = '5s'`);
    await other.query(`SELECT id FROM audit_append(now(), $1, NULL, 'test.lock-order', 'Test', 'lock-order', '{}'::jsonb, 'head')`, [
      org.division1.id,
    ]);
    await other.query('ROLLBACK');

    const res = await disposing;
    expect(res.errors).toBeUndefined();
    const assignments = (res.data as any).dispose.assignments;
    expect(assignments.map((a: any) => a.assignee.id).sort()).toEqual([org.division1.id, org.division2.id].sort());
    const { letter } = await api.gqlOk<any>(LETTER, { id: letterId }, org.head.token);
    expect(letter.status).toBe('IN_PROGRESS');
    expect(letter.timeline.map((e: any) => e.action)).toContain('disposition.created');
    const after = await counts(letterId);
    expect(after.outbox).toBeGreaterThan(0);
  });
  it('disposes more letters at once than the pool has connections, each once, the audit chain intact', async () => {
    const letters = [];
    for (let i = 0; i < POOL * 4; i++) letters.push(await registered());
    const results = await Promise.all(
      letters.map(({ letterId, headAssignmentId }) =>
        api.gql(
          DISPOSE,
          {
            input: {
              letterId,
              parentAssignmentId: headAssignmentId,
              assigneeIds: [org.division1.id, org.division2.id],
              instructions: ['FOLLOW_UP'],
            },
          },
          org.head.token,
        ),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(letters.map(() => undefined));
    for (const { letterId } of letters) {
      const { letter } = await api.gqlOk<any>(LETTER, { id: letterId }, org.head.token);
      expect(letter.status).toBe('IN_PROGRESS');
      // Registration's disposition to the head, and the head's: each written once.
      expect(letter.timeline.filter((e: any) => e.action === 'disposition.created')).toHaveLength(2);
      expect(letter.dispositions).toHaveLength(2);
    }
    const { verifyAuditChain } = await api.gqlOk<any>('query { verifyAuditChain { valid firstBrokenEventId } }', {}, admin);
    expect(verifyAuditChain).toEqual({ valid: true, firstBrokenEventId: null });
  });
});
