import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1795816925412 implements MigrationInterface {
  name = 'Platform1795816925412';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "acting_for_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "change" jsonb, "prev_hash" character(64), "hash" character(64) NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "audit_event_entity_idx" ON "audit_event"  ("entity_type", "entity_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "outbox" ("id" uuid NOT NULL, "queue" text NOT NULL, "name" text NOT NULL, "payload" jsonb NOT NULL, "job_id" text, "run_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "outbox_pending_idx" ON "outbox"  ("created_at") WHERE sent_at IS NULL');
    // The audit log is append-only: the database itself refuses to change or remove an event.
    await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_event_no_truncate ON audit_event');
    await queryRunner.query('DROP TRIGGER audit_event_no_update_delete ON audit_event');
    await queryRunner.query('DROP FUNCTION audit_event_append_only()');
    await queryRunner.query('DROP INDEX "public"."outbox_pending_idx"');
    await queryRunner.query('DROP TABLE "outbox"');
    await queryRunner.query('DROP INDEX "public"."audit_event_entity_idx"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
