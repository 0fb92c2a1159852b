// The floor of the inbox read: a bare node:http server, the `pg` driver (pool of 10, as the API) and
// one hand-written query joining assignment, disposition and letter, keyset by (created_at, id).
// Run as a process of its own so that it does not share an event loop with the load generator.
// argv: databaseUrl port; stdin: JSON map token -> user id. Prints "ready" when listening.
'use strict';
const { Pool } = require('pg');
const { serveBaseline } = require('./baseline-server');

const [url, port] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: 10 });
const SQL = `SELECT a.id, a.due_at, a.due_soon_at, a.completed_at, l.number, l.subject, l.sender_name
  FROM disposition_assignment a JOIN disposition d ON d.id = a.disposition_id JOIN letter l ON l.id = d.letter_id
 WHERE a.assignee_id = $1 AND a.cancelled_at IS NULL
 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`;

function slaState(r, now) {
  if (r.completed_at) return r.completed_at.getTime() <= r.due_at.getTime() ? 'MET' : 'MISSED';
  if (now > r.due_at.getTime()) return 'OVERDUE';
  if (r.due_soon_at && now >= r.due_soon_at.getTime()) return 'DUE_SOON';
  return 'ON_TRACK';
}

serveBaseline(port, (tokens) => ({
  users: new Map(Object.entries(tokens)),
  async answer(_body, userId) {
    const { rows } = await pool.query(SQL, [userId, 20]);
    const now = Date.now();
    return {
      inbox: {
        edges: rows.map((r) => ({
          node: {
            dueAt: r.due_at.toISOString(),
            slaState: slaState(r, now),
            disposition: { letter: { number: r.number, subject: r.subject, senderName: r.sender_name } },
          },
        })),
      },
    };
  },
}));
