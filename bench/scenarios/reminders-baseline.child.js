// The floor of the reminder pipeline: a bare BullMQ Worker (concurrency 100) whose jobs each do one
// INSERT of a notification with `pg` (pool of 10, as the worker app), nothing else.
// Run as a process of its own, as the worker app is. argv: databaseUrl redisUrl prefix queue.
// Prints "started <epoch ms>" when the Worker is created; the parent counts the rows.
'use strict';
const { Pool } = require('pg');
const { Worker } = require('bullmq');
const IORedis = require('ioredis');

const [url, redisUrl, prefix, queue] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: 10 });
const INSERT = `INSERT INTO notification (id, user_id, kind, title, body, entity_type, entity_id, dedupe_key)
  VALUES (gen_random_uuid(), $1, $2, $3, $4, 'DispositionAssignment', $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`;

async function main() {
  // Connections are opened before the clock starts, as the worker app's are.
  await Promise.all(Array.from({ length: 10 }, () => pool.query('SELECT 1')));
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  await connection.ping();
  const worker = new Worker(
    queue,
    async (job) => {
      const d = job.data;
      await pool.query(INSERT, [d.userId, d.kind, d.title, d.body, d.entityId, d.dedupeKey]);
    },
    { connection, prefix, concurrency: 100 },
  );
  console.log(`started ${Date.now()}`);
  process.on('SIGTERM', async () => {
    await worker.close();
    await connection.quit();
    await pool.end();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
