import { Client } from 'pg';

/**
 * Hybrid work on top of the seeded data set, straight in SQL and once per database (skipped when reports
 * exist): a year of daily reports (two entries each) for every user, five open tasks each with estimates,
 * and an approved arrangement for one person in ten.
 */
export async function ensureHybridWork(url: string, log: (line: string) => void = () => undefined): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    if ((await db.query('SELECT EXISTS (SELECT 1 FROM daily_report) AS e')).rows[0].e) return;
    const started = Date.now();
    await db.query(`SET session_replication_role = replica`);
    await db.query(`SET synchronous_commit = off`);
    // Working days (Monday to Friday) of the last year, up to yesterday.
    const days = `(SELECT d::date AS date FROM generate_series(current_date - 365, current_date - 1, interval '1 day') d
                    WHERE extract(isodow FROM d) < 6)`;
    await db.query(
      `INSERT INTO daily_report (id, user_id, date, work_mode, status, total_minutes, submitted_at, created_at, updated_at)
       SELECT md5('dr' || u.id || d.date)::uuid, u.id, d.date,
              CASE WHEN abs(hashtext(u.id::text || d.date)) % 5 = 0 THEN 'HOME' ELSE 'OFFICE' END,
              CASE WHEN d.date > current_date - 3 THEN 'SUBMITTED' ELSE 'APPROVED' END,
              450, d.date + interval '9 hours', d.date + interval '9 hours', d.date + interval '9 hours'
         FROM app_user u CROSS JOIN ${days} d WHERE u.position_id IS NOT NULL`,
    );
    await db.query(
      `INSERT INTO daily_report_entry (id, report_id, position, start_time, end_time, minutes, activity)
       SELECT md5(r.id::text || p)::uuid, r.id, p, (ARRAY['07:30','12:30'])[p + 1], (ARRAY['11:30','16:00'])[p + 1], (ARRAY[240, 210])[p + 1],
              'Kegiatan rutin pelaksanaan tugas ' || p
         FROM daily_report r CROSS JOIN generate_series(0, 1) p`,
    );
    await db.query(
      `INSERT INTO task (id, title, status, priority, progress, creator_id, due_at, due_soon_at, estimate_minutes, created_at, updated_at,
                         reminded_at, escalation_level)
       SELECT md5('task' || u.id || k)::uuid, 'Tugas bench ' || k, (ARRAY['TODO','IN_PROGRESS','IN_PROGRESS','BLOCKED','DONE'])[k], 'NORMAL', 0,
              u.id, now() + (k - 2) * interval '1 day', now() + (k - 3) * interval '1 day', 60 * k, now() - interval '10 days', now(),
              -- Followed up already where their points have passed or pass today, as a running system would have: a worker
              -- started on the data set (the reminders scenario's) must not find thousands of task follow-ups due at once.
              CASE WHEN k <= 3 THEN now() + (k - 3) * interval '1 day' END, CASE WHEN k <= 2 THEN 1 ELSE 0 END
         FROM app_user u CROSS JOIN generate_series(1, 5) k WHERE u.position_id IS NOT NULL`,
    );
    await db.query(`INSERT INTO task_assignee (task_id, user_id) SELECT id, creator_id FROM task WHERE title LIKE 'Tugas bench %'`);
    await db.query(
      `INSERT INTO work_arrangement (id, user_id, kind, work_mode, weekdays, start_time, end_time, starts_on, ends_on, reason, status, created_at)
       SELECT md5('wa' || u.id)::uuid, u.id, 'TIME', NULL, '{}', '06:30', '15:00', current_date - 30, current_date + 60, 'Bench', 'APPROVED', now()
         FROM app_user u WHERE u.position_id IS NOT NULL AND abs(hashtext(u.id::text)) % 10 = 0`,
    );
    // Written with the triggers off: the workload tally is counted once, as the migration that adds it does.
    await db.query(`SELECT workload_tally_refresh(ARRAY(SELECT id FROM app_user WHERE position_id IS NOT NULL), 'all')`);
    await db.query(`VACUUM (ANALYZE) daily_report, daily_report_entry, task, task_assignee, work_arrangement, workload_tally`);
    log(`  hybrid work data: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}
