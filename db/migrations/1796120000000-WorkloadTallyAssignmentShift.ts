import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workload tally's assignment part is kept by shifting the one due time an assignment write adds or removes in or
 * out of the person's sorted array, instead of recounting all their open assignments per row (a dispose of three paid
 * three recounts at commit, about a third of a millisecond of PostgreSQL each).
 *
 * A shift is right only on top of a row that holds every committed write and none of this transaction's. So it is
 * used when the row exists and another transaction wrote it last (each writer shifts at its commit, under the row
 * lock, so the row holds everything committed); a person without a row yet, or whose row this transaction already
 * wrote (the same person twice in one transaction), is recounted as before: a recount at commit sees all of this
 * transaction's rows, and recounting again for its later events stays right. The triggers stay deferred to commit
 * and lock the people's rows in id order, as WorkloadTally1796110000000 explains.
 */
export class WorkloadTallyAssignmentShift1796120000000 implements MigrationInterface {
  name = 'WorkloadTallyAssignmentShift1796120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // leaving/arriving: the assignee whose open assignment due at left_due/arrived_due stops or starts counting (or null).
    await queryRunner.query(`CREATE FUNCTION workload_tally_shift(leaving uuid, left_due timestamptz, arriving uuid, arrived_due timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := ARRAY(SELECT DISTINCT id FROM unnest(ARRAY[leaving, arriving]) id WHERE id IS NOT NULL ORDER BY id);
  due timestamptz[];
  i integer;
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM workload_tally WHERE user_id = ANY(ids) ORDER BY user_id FOR UPDATE;
  -- A statement of its own: it sees the rows as the last writer (whom the lock may have waited for) committed them.
  IF (SELECT count(*) FROM workload_tally WHERE user_id = ANY(ids) AND xmin <> pg_current_xact_id()::xid) < cardinality(ids) THEN
    PERFORM workload_tally_refresh(ids, 'assignments');
    RETURN;
  END IF;
  IF leaving IS NOT NULL THEN
    SELECT assignment_due INTO due FROM workload_tally WHERE user_id = leaving;
    -- width_bucket: how many due times are at or before left_due (a binary search), i.e. the last equal one's place.
    i := width_bucket(left_due, due);
    IF i = 0 OR due[i] IS DISTINCT FROM left_due THEN
      -- Not there: the row was written without the triggers (a bulk load); counting afresh puts it right.
      PERFORM workload_tally_refresh(ids, 'assignments');
      RETURN;
    END IF;
    UPDATE workload_tally SET assignment_due = due[:i - 1] || due[i + 1:] WHERE user_id = leaving;
  END IF;
  IF arriving IS NOT NULL THEN
    UPDATE workload_tally
       SET assignment_due = assignment_due[:width_bucket(arrived_due, assignment_due)] || arrived_due
                            || assignment_due[width_bucket(arrived_due, assignment_due) + 1:]
     WHERE user_id = arriving;
  END IF;
END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION workload_tally_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  leaving uuid;
  left_due timestamptz;
  arriving uuid;
  arrived_due timestamptz;
BEGIN
  -- Open is neither completed nor withdrawn, as in workload_tally_refresh.
  IF TG_OP <> 'INSERT' THEN
    IF OLD.completed_at IS NULL AND OLD.cancelled_at IS NULL THEN
      leaving := OLD.assignee_id;
      left_due := OLD.due_at;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.completed_at IS NULL AND NEW.cancelled_at IS NULL THEN
      arriving := NEW.assignee_id;
      arrived_due := NEW.due_at;
    END IF;
  END IF;
  PERFORM workload_tally_shift(leaving, left_due, arriving, arrived_due);
  RETURN NULL;
END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION workload_tally_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workload_tally_refresh(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.assignee_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.assignee_id END], 'assignments');
  RETURN NULL;
END $$`);
    await queryRunner.query('DROP FUNCTION workload_tally_shift(uuid, timestamptz, uuid, timestamptz)');
  }
}
