// The floor of the inbox read: a bare node:http server, the `pg` driver (pool of 10, as the API) and
// one hand-written query joining assignment, disposition and letter, keyset by (created_at, id).
// Run as a process of its own so that it does not share an event loop with the load generator.
// argv: databaseUrl port; stdin: JSON map token -> user id. Prints "ready" when listening.
'use strict';
const http = require('node:http');
const { Pool } = require('pg');

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

let users = new Map();
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  users = new Map(Object.entries(JSON.parse(input)));
  http
    .createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        try {
          JSON.parse(Buffer.concat(chunks).toString()); // the body is read and parsed, as a GraphQL server must
          const userId = users.get((req.headers.authorization ?? '').slice(7));
          if (!userId) {
            res.writeHead(401).end();
            return;
          }
          const { rows } = await pool.query(SQL, [userId, 20]);
          const now = Date.now();
          const body = JSON.stringify({
            data: {
              inbox: {
                edges: rows.map((r) => ({
                  node: {
                    dueAt: r.due_at.toISOString(),
                    slaState: slaState(r, now),
                    disposition: { letter: { number: r.number, subject: r.subject, senderName: r.sender_name } },
                  },
                })),
              },
            },
          });
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        } catch (error) {
          res.writeHead(500).end(String(error));
        }
      });
    })
    .listen(Number(port), '127.0.0.1', () => console.log('ready'));
});
