import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per person, what the team workload shows that changes only when work or reports are written: open tasks (their due
 * times, sorted, with the running sum of their estimates), open disposition assignments' due times, reports waiting
 * for review and the last report's work mode. The workload reads one row a person instead of counting tasks,
 * assignments and a year of reports per call.
 *
 * Kept by triggers, not by a service: the rows it counts are written by three contexts (tasks, correspondence's
 * dispositions, daily reports), by their sweeps and by bulk SQL, and a trigger is the one place that sees all of
 * them in the writer's own transaction. Each write recounts the person's part from the source rows (never adds or
 * subtracts), so a count cannot drift. The triggers are deferred to commit: the person's row is locked only from
 * then to the end of the transaction, so writers of the same people in different orders (a letter to A and B, another
 * to B and A) wait for each other only briefly and do not deadlock over a lock held through a long transaction.
 */
export class WorkloadTally1796110000000 implements MigrationInterface {
  name = 'WorkloadTally1796110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "workload_tally" (
      "user_id" uuid NOT NULL,
      "open_tasks" integer NOT NULL DEFAULT 0,
      "task_due" timestamptz[] NOT NULL DEFAULT '{}',
      "task_planned" integer[] NOT NULL DEFAULT '{}',
      "assignment_due" timestamptz[] NOT NULL DEFAULT '{}',
      "pending_reports" integer NOT NULL DEFAULT 0,
      "last_work_mode" text,
      CONSTRAINT "workload_tally_pkey" PRIMARY KEY ("user_id"),
      CONSTRAINT "workload_tally_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`);
    // task_due: due times of open tasks that have one, ascending; task_planned[k]: the estimates of the first k of them.
    // Open is neither DONE nor CANCELLED (libs/tasks task-status OPEN_STATUSES); an open assignment is neither completed
    // nor withdrawn, as correspondence's partial index of open assignments says.
    await queryRunner.query(`CREATE FUNCTION workload_tally_refresh(ids uuid[], part text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Lock the people's rows first, in one order, then recount in statements of their own: under READ COMMITTED each
  -- statement sees what a concurrent writer of the same person committed while this one waited for the lock (run at
  -- commit, that writer has written everything it will).
  INSERT INTO workload_tally (user_id) SELECT DISTINCT id FROM unnest(ids) id WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT (user_id) DO NOTHING;
  PERFORM 1 FROM workload_tally WHERE user_id = ANY(ids) ORDER BY user_id FOR UPDATE;
  IF part IN ('tasks', 'all') THEN
    UPDATE workload_tally wt SET open_tasks = c.open, task_due = c.due, task_planned = c.planned
      FROM (SELECT p.id, count(o.n)::int AS open,
                   coalesce(array_agg(o.due_at ORDER BY o.n) FILTER (WHERE o.due_at IS NOT NULL), '{}') AS due,
                   coalesce(array_agg(o.planned ORDER BY o.n) FILTER (WHERE o.due_at IS NOT NULL), '{}') AS planned
              FROM unnest(ids) p(id)
              LEFT JOIN LATERAL (
                SELECT t.due_at, row_number() OVER w AS n, (sum(coalesce(t.estimate_minutes, 0)) OVER w)::int AS planned
                  FROM task_assignee ta JOIN task t ON t.id = ta.task_id
                 WHERE ta.user_id = p.id AND t.status NOT IN ('DONE', 'CANCELLED')
                WINDOW w AS (ORDER BY t.due_at, t.id ROWS UNBOUNDED PRECEDING)) o ON true
             GROUP BY p.id) c
     WHERE wt.user_id = c.id;
  END IF;
  IF part IN ('assignments', 'all') THEN
    UPDATE workload_tally wt
       SET assignment_due = coalesce((SELECT array_agg(da.due_at ORDER BY da.due_at) FROM disposition_assignment da
                                       WHERE da.assignee_id = wt.user_id AND da.completed_at IS NULL AND da.cancelled_at IS NULL), '{}')
     WHERE wt.user_id = ANY(ids);
  END IF;
  IF part IN ('reports', 'all') THEN
    UPDATE workload_tally wt
       SET pending_reports = (SELECT count(*) FROM daily_report r WHERE r.user_id = wt.user_id AND r.status = 'SUBMITTED'),
           last_work_mode = (SELECT r.work_mode FROM daily_report r WHERE r.user_id = wt.user_id ORDER BY r.date DESC LIMIT 1)
     WHERE wt.user_id = ANY(ids);
  END IF;
END $$`);
    await queryRunner.query(`CREATE FUNCTION workload_tally_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workload_tally_refresh(ARRAY(SELECT user_id FROM task_assignee WHERE task_id = NEW.id), 'tasks');
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER workload_tally_task AFTER UPDATE OF status, due_at, estimate_minutes ON task
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at
            OR OLD.estimate_minutes IS DISTINCT FROM NEW.estimate_minutes)
      EXECUTE FUNCTION workload_tally_task()`);
    // A deleted task takes its assignees with it (ON DELETE CASCADE), which fires the assignees' trigger.
    await queryRunner.query(`CREATE FUNCTION workload_tally_task_assignee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workload_tally_refresh(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.user_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.user_id END], 'tasks');
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE CONSTRAINT TRIGGER workload_tally_task_assignee AFTER INSERT OR UPDATE OR DELETE ON task_assignee DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workload_tally_task_assignee()',
    );
    await queryRunner.query(`CREATE FUNCTION workload_tally_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workload_tally_refresh(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.assignee_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.assignee_id END], 'assignments');
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE CONSTRAINT TRIGGER workload_tally_assignment_write AFTER INSERT OR DELETE ON disposition_assignment DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workload_tally_assignment()',
    );
    // Reminders, escalations and reading touch assignments often: only what the workload counts fires it.
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER workload_tally_assignment_update AFTER UPDATE OF assignee_id, due_at, completed_at, cancelled_at
      ON disposition_assignment DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.due_at IS DISTINCT FROM NEW.due_at
            OR OLD.completed_at IS DISTINCT FROM NEW.completed_at OR OLD.cancelled_at IS DISTINCT FROM NEW.cancelled_at)
      EXECUTE FUNCTION workload_tally_assignment()`);
    await queryRunner.query(`CREATE FUNCTION workload_tally_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workload_tally_refresh(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.user_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.user_id END], 'reports');
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE CONSTRAINT TRIGGER workload_tally_report_write AFTER INSERT OR DELETE ON daily_report DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workload_tally_report()',
    );
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER workload_tally_report_update AFTER UPDATE OF user_id, date, status, work_mode ON daily_report
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.date IS DISTINCT FROM NEW.date
            OR OLD.status IS DISTINCT FROM NEW.status OR OLD.work_mode IS DISTINCT FROM NEW.work_mode)
      EXECUTE FUNCTION workload_tally_report()`);
    // Everyone placed, from what is there now.
    await queryRunner.query(`SELECT workload_tally_refresh(ARRAY(SELECT id FROM app_user WHERE position_id IS NOT NULL), 'all')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "workload_tally_report_update" ON "daily_report"');
    await queryRunner.query('DROP TRIGGER "workload_tally_report_write" ON "daily_report"');
    await queryRunner.query('DROP TRIGGER "workload_tally_assignment_update" ON "disposition_assignment"');
    await queryRunner.query('DROP TRIGGER "workload_tally_assignment_write" ON "disposition_assignment"');
    await queryRunner.query('DROP TRIGGER "workload_tally_task_assignee" ON "task_assignee"');
    await queryRunner.query('DROP TRIGGER "workload_tally_task" ON "task"');
    await queryRunner.query('DROP FUNCTION workload_tally_report()');
    await queryRunner.query('DROP FUNCTION workload_tally_assignment()');
    await queryRunner.query('DROP FUNCTION workload_tally_task_assignee()');
    await queryRunner.query('DROP FUNCTION workload_tally_task()');
    await queryRunner.query('DROP FUNCTION workload_tally_refresh(uuid[], text)');
    await queryRunner.query('DROP TABLE "workload_tally"');
  }
}
