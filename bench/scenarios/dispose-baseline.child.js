// The floor of a dispose: a bare node:http server and the `pg` driver (pool of 10, as the API) writing the
// rows a dispose writes in one transaction: the disposition, one assignment per assignee, the letter's
// timeline event, the outbox row and its NOTIFY, and the audit event linked into the hash chain the way
// the database's audit_append() does it (chain lock, head, next id, hash; the canonical event from the
// compiled audit-hash.ts). It checks nothing and reads nothing per request: due times come from
// calendars and SLA policies loaded at start, with the same working-time arithmetic (from dist/ too).
// argv: databaseUrl port; stdin: JSON { users: token -> user id, parents: assignment id -> { dueAt, urgency of the letter } }.
// Prints "ready" when listening.
'use strict';
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { Pool } = require('pg');
const { serveBaseline } = require('./baseline-server');

const dist = join(__dirname, '..', '..', 'dist', 'libs');
const { auditCanonicalHead, normaliseChange } = require(join(dist, 'platform', 'src', 'audit', 'audit-hash.js'));
const { addWorkingMinutes, parseClock } = require(join(dist, 'calendar', 'src', 'working-time', 'working-time.js'));

const [url, port] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: 10 });

/** Per user: the calendar of their unit (time zone, default hours, national holidays; the data set has no others). */
async function loadCalendars() {
  const [{ rows: people }, { rows: hours }, { rows: holidays }, { rows: policies }] = await Promise.all([
    pool.query(`SELECT u.id, un.timezone FROM app_user u JOIN position p ON p.id = u.position_id JOIN unit un ON un.id = p.unit_id`),
    pool.query(`SELECT weekdays, start, "end" FROM working_hours WHERE unit_id IS NULL`),
    pool.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holiday WHERE unit_id IS NULL`),
    pool.query(`SELECT urgency, working_hours, remind_at_fraction FROM sla_policy`),
  ]);
  const base = {
    weekdays: hours[0].weekdays,
    startMinute: parseClock(hours[0].start),
    endMinute: parseClock(hours[0].end),
    holidays: new Set(holidays.map((h) => h.date)),
  };
  return {
    calendars: new Map(people.map((p) => [p.id, { ...base, timeZone: p.timezone }])),
    policies: new Map(policies.map((p) => [p.urgency, { hours: p.working_hours, fraction: p.remind_at_fraction }])),
  };
}

async function dispose(client, userId, input, parent, context) {
  const now = new Date();
  const policy = context.policies.get(parent.urgency);
  const limit = new Date(parent.dueAt);
  const plans = input.assigneeIds.map((assigneeId) => {
    const calendar = context.calendars.get(assigneeId);
    let dueAt = addWorkingMinutes(now, policy.hours * 60, calendar);
    if (dueAt > limit) dueAt = limit;
    let dueSoonAt = addWorkingMinutes(now, policy.hours * 60 * policy.fraction, calendar);
    if (dueSoonAt > dueAt) dueSoonAt = dueAt;
    return { assigneeId, dueAt, dueSoonAt };
  });
  const dispositionId = randomUUID();
  const dueAt = new Date(Math.max(...plans.map((p) => p.dueAt.getTime())));
  const assignments = plans.map((p) => ({ id: randomUUID(), ...p }));
  const note = input.note ?? null;
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO disposition (id, letter_id, sender_id, acting_for_id, parent_assignment_id, instructions, note, due_at)
       VALUES ($1, $2, $3, NULL, $4, $5, $6, $7)`,
      [dispositionId, input.letterId, userId, input.parentAssignmentId, input.instructions, note, dueAt],
    );
    const values = [];
    const rows = assignments.map((a) => {
      const p = values.length;
      values.push(a.id, dispositionId, input.letterId, a.assigneeId, parent.urgency, a.dueAt, a.dueSoonAt);
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, 'UNREAD', $${p + 5}, $${p + 6}, $${p + 7})`;
    });
    await client.query(
      `INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, due_soon_at) VALUES ${rows.join(', ')}`,
      values,
    );
    const change = {
      parentAssignmentId: input.parentAssignmentId,
      instructions: input.instructions,
      assignees: plans,
      closeWhenDone: false,
    };
    await client.query(
      `INSERT INTO letter_event (letter_id, at, actor_id, acting_for_id, action, note, details) VALUES ($1, now(), $2, NULL, 'disposition.created', $3, $4)`,
      [input.letterId, userId, note, JSON.stringify(change)],
    );
    const payload = {
      letterId: input.letterId,
      dispositionId,
      assignments: assignments.map((a) => ({
        id: a.id,
        assigneeId: a.assigneeId,
        dueAt: a.dueAt.toISOString(),
        dueSoonAt: a.dueSoonAt.toISOString(),
      })),
    };
    await client.query(
      `WITH added AS (INSERT INTO outbox (id, queue, name, payload) VALUES ($1, 'correspondence-events', 'disposition.created', $2))
       SELECT pg_notify('gesit_outbox', '')`,
      [randomUUID(), JSON.stringify(payload)],
    );
    const event = {
      at: new Date(),
      actorId: userId,
      actingForId: null,
      action: 'disposition.created',
      entityType: 'Disposition',
      entityId: dispositionId,
      change: normaliseChange({ letterId: input.letterId, ...change }),
    };
    await client.query('SELECT id FROM audit_append($1, $2, NULL, $3, $4, $5, $6, $7)', [
      event.at,
      userId,
      event.action,
      event.entityType,
      event.entityId,
      JSON.stringify(event.change),
      auditCanonicalHead(event),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return {
    id: dispositionId,
    dueAt: dueAt.toISOString(),
    assignments: assignments.map((a) => ({ id: a.id, status: 'UNREAD', dueAt: a.dueAt.toISOString() })),
  };
}

serveBaseline(port, async ({ users, parents }) => {
  const parentById = new Map(Object.entries(parents));
  const context = await loadCalendars();
  return {
    users: new Map(Object.entries(users)),
    async answer(body, userId) {
      const disposeInput = body.variables.input;
      const client = await pool.connect();
      try {
        return { dispose: await dispose(client, userId, disposeInput, parentById.get(disposeInput.parentAssignmentId), context) };
      } finally {
        client.release();
      }
    },
  };
});
