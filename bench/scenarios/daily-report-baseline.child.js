// The floor of saving a daily report: a bare node:http server, the `pg` driver (pool of 10, as the API) and
// the same rows written by hand in one transaction: the report (one per person and date), its entries and
// the audit event linked into the hash chain the way audit_append() does it (as the dispose baseline does).
// argv: databaseUrl port; stdin: JSON map token -> user id. Prints "ready" when listening.
'use strict';
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { Pool } = require('pg');

const dist = join(__dirname, '..', '..', 'dist', 'libs');
const { auditCanonicalHead, normaliseChange } = require(join(dist, 'platform', 'src', 'audit', 'audit-hash.js'));

const [url, port] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: 10 });
const minutes = (a, b) => Number(b.slice(0, 2)) * 60 + Number(b.slice(3)) - (Number(a.slice(0, 2)) * 60 + Number(a.slice(3)));

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
        const userId = users.get((req.headers.authorization ?? '').slice(7));
        if (!userId) {
          res.writeHead(401).end();
          return;
        }
        const { input } = JSON.parse(Buffer.concat(chunks).toString()).variables;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const total = input.entries.reduce((sum, e) => sum + minutes(e.startTime, e.endTime), 0);
          const { rows } = await client.query(
            `INSERT INTO daily_report (id, user_id, date, work_mode, status, total_minutes, note) VALUES ($1, $2, $3, $4, 'DRAFT', $5, $6)
             ON CONFLICT (user_id, date) DO UPDATE SET work_mode = EXCLUDED.work_mode, total_minutes = EXCLUDED.total_minutes, note = EXCLUDED.note,
                                                      updated_at = now()
             RETURNING id, status`,
            [randomUUID(), userId, input.date, input.workMode, total, input.note],
          );
          await client.query('DELETE FROM daily_report_entry WHERE report_id = $1', [rows[0].id]);
          const values = [];
          const tuples = input.entries.map((e, i) => {
            values.push(randomUUID(), rows[0].id, i, e.startTime, e.endTime, minutes(e.startTime, e.endTime), e.activity);
            const p = i * 7;
            return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`;
          });
          await client.query(
            `INSERT INTO daily_report_entry (id, report_id, position, start_time, end_time, minutes, activity) VALUES ${tuples.join(', ')}`,
            values,
          );
          const event = {
            at: new Date(),
            actorId: userId,
            actingForId: null,
            action: 'daily-report.saved',
            entityType: 'DailyReport',
            entityId: rows[0].id,
            change: normaliseChange({ date: input.date, workMode: input.workMode, totalMinutes: total, entries: input.entries.length }),
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
          const body = { data: { saveDailyReport: { id: rows[0].id, status: rows[0].status, totalMinutes: total } } };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          res.writeHead(500).end(String(error));
        } finally {
          client.release();
        }
      });
    })
    .listen(Number(port), '127.0.0.1', () => console.log('ready'));
});
