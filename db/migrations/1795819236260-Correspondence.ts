import { MigrationInterface, QueryRunner } from 'typeorm';

export class Correspondence1795819236260 implements MigrationInterface {
  name = 'Correspondence1795819236260';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "letter" ("id" uuid NOT NULL, "direction" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "number" text, "agenda_number" text, "subject" text NOT NULL, "letter_date" date, "sender_name" text, "classification_code" text NOT NULL, "security_level" text NOT NULL, "urgency" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a85cf0e444dff7c656a31b32bf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "letter_created_by_idx" ON "letter"  ("created_by_id") ');
    await queryRunner.query('CREATE INDEX "letter_unit_created_idx" ON "letter"  ("unit_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "letter_file" ("letter_id" uuid NOT NULL, "file_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_d4f91b72eb0045c3c1c310b703c" PRIMARY KEY ("letter_id", "file_id"))',
    );
    await queryRunner.query('CREATE INDEX "letter_file_file_idx" ON "letter_file"  ("file_id") ');
    await queryRunner.query(
      'CREATE TABLE "letter_addressee" ("letter_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_3cba40698b9672454d340bdee10" PRIMARY KEY ("letter_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "letter_addressee_user_idx" ON "letter_addressee"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "letter_event" ("id" BIGSERIAL NOT NULL, "letter_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "acting_for_id" uuid, "action" text NOT NULL, "note" text, CONSTRAINT "PK_8c6c9d6e1a2bb3d551b5118f9c6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "letter_event_letter_idx" ON "letter_event"  ("letter_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "number_sequence" ("unit_id" uuid NOT NULL, "year" integer NOT NULL, "kind" text NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_9e2954a7237b75b72dbc18b4842" PRIMARY KEY ("unit_id", "year", "kind"))',
    );
    await queryRunner.query(
      'CREATE TABLE "disposition" ("id" uuid NOT NULL, "letter_id" uuid NOT NULL, "sender_id" uuid NOT NULL, "acting_for_id" uuid, "parent_assignment_id" uuid, "instructions" text array NOT NULL, "note" text, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_dbff9c15e052cb007539963d1a9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "disposition_parent_idx" ON "disposition"  ("parent_assignment_id") ');
    await queryRunner.query('CREATE INDEX "disposition_letter_idx" ON "disposition"  ("letter_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "disposition_assignment" ("id" uuid NOT NULL, "disposition_id" uuid NOT NULL, "letter_id" uuid NOT NULL, "assignee_id" uuid NOT NULL, "status" text NOT NULL, "urgency" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_soon_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "completion_note" text, "completion_working_minutes" integer, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f742d81ba1653dcfefe13f0074" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "assignment_letter_idx" ON "disposition_assignment"  ("letter_id") ');
    await queryRunner.query('CREATE INDEX "assignment_disposition_idx" ON "disposition_assignment"  ("disposition_id") ');
    await queryRunner.query('CREATE INDEX "assignment_inbox_idx" ON "disposition_assignment"  ("assignee_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "assignment_file" ("assignment_id" uuid NOT NULL, "file_id" uuid NOT NULL, CONSTRAINT "PK_e15eb420b49e41c77b50cd06f72" PRIMARY KEY ("assignment_id", "file_id"))',
    );
    await queryRunner.query('CREATE INDEX "assignment_file_file_idx" ON "assignment_file"  ("file_id") ');
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_b51261e94f2508962e92cda7a07" FOREIGN KEY ("classification_code") REFERENCES "classification_code"("code") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_1687878409981268ff4d5bc8ba4" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_c22b4e8679b7919ac6445a5bf9e" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_file" ADD CONSTRAINT "FK_8896dd17a1e862dc681bf586c2c" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_file" ADD CONSTRAINT "FK_56f0c56ba34b8a9c14415ab3815" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_addressee" ADD CONSTRAINT "FK_39529258ff5af8b213bee8e5c1d" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_addressee" ADD CONSTRAINT "FK_c25777def38a003773b2bebcb58" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_event" ADD CONSTRAINT "FK_5a3a0716c68ef47ed8522ef4f4b" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "number_sequence" ADD CONSTRAINT "FK_aad97a17d36bcd31874919d5e39" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition" ADD CONSTRAINT "FK_44a9db1b7009ecde730f14511ba" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition" ADD CONSTRAINT "FK_cd21a75c954e695e28bc3048560" FOREIGN KEY ("sender_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition" ADD CONSTRAINT "FK_998ec2a6721ec55368c6e0b8718" FOREIGN KEY ("acting_for_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition" ADD CONSTRAINT "FK_8817960cde2d9377a0bfb0ae820" FOREIGN KEY ("parent_assignment_id") REFERENCES "disposition_assignment"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition_assignment" ADD CONSTRAINT "FK_323a439eb077fb0c80de8e4987d" FOREIGN KEY ("disposition_id") REFERENCES "disposition"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition_assignment" ADD CONSTRAINT "FK_780c51565e7758a5794aaf575f9" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposition_assignment" ADD CONSTRAINT "FK_7e5133293a0b4908c3269c7c854" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignment_file" ADD CONSTRAINT "FK_a498d9a08715d3ecff11597382d" FOREIGN KEY ("assignment_id") REFERENCES "disposition_assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignment_file" ADD CONSTRAINT "FK_6adbb705195e517b44cb5cbb8e6" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    // Indexes TypeORM cannot describe (declared with synchronize: false on the entities).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "letter_incoming_identity_uq" ON "letter" (lower("sender_name"), "number", "letter_date") WHERE "direction" = 'INCOMING'`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "letter_agenda_number_uq" ON "letter" ("unit_id", "agenda_number") WHERE "agenda_number" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "assignment_open_due_idx" ON "disposition_assignment" ("due_at") WHERE "completed_at" IS NULL AND "cancelled_at" IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "assignment_open_due_idx"');
    await queryRunner.query('DROP INDEX "letter_agenda_number_uq"');
    await queryRunner.query('DROP INDEX "letter_incoming_identity_uq"');
    await queryRunner.query('ALTER TABLE "assignment_file" DROP CONSTRAINT "FK_6adbb705195e517b44cb5cbb8e6"');
    await queryRunner.query('ALTER TABLE "assignment_file" DROP CONSTRAINT "FK_a498d9a08715d3ecff11597382d"');
    await queryRunner.query('ALTER TABLE "disposition_assignment" DROP CONSTRAINT "FK_7e5133293a0b4908c3269c7c854"');
    await queryRunner.query('ALTER TABLE "disposition_assignment" DROP CONSTRAINT "FK_780c51565e7758a5794aaf575f9"');
    await queryRunner.query('ALTER TABLE "disposition_assignment" DROP CONSTRAINT "FK_323a439eb077fb0c80de8e4987d"');
    await queryRunner.query('ALTER TABLE "disposition" DROP CONSTRAINT "FK_8817960cde2d9377a0bfb0ae820"');
    await queryRunner.query('ALTER TABLE "disposition" DROP CONSTRAINT "FK_998ec2a6721ec55368c6e0b8718"');
    await queryRunner.query('ALTER TABLE "disposition" DROP CONSTRAINT "FK_cd21a75c954e695e28bc3048560"');
    await queryRunner.query('ALTER TABLE "disposition" DROP CONSTRAINT "FK_44a9db1b7009ecde730f14511ba"');
    await queryRunner.query('ALTER TABLE "number_sequence" DROP CONSTRAINT "FK_aad97a17d36bcd31874919d5e39"');
    await queryRunner.query('ALTER TABLE "letter_event" DROP CONSTRAINT "FK_5a3a0716c68ef47ed8522ef4f4b"');
    await queryRunner.query('ALTER TABLE "letter_addressee" DROP CONSTRAINT "FK_c25777def38a003773b2bebcb58"');
    await queryRunner.query('ALTER TABLE "letter_addressee" DROP CONSTRAINT "FK_39529258ff5af8b213bee8e5c1d"');
    await queryRunner.query('ALTER TABLE "letter_file" DROP CONSTRAINT "FK_56f0c56ba34b8a9c14415ab3815"');
    await queryRunner.query('ALTER TABLE "letter_file" DROP CONSTRAINT "FK_8896dd17a1e862dc681bf586c2c"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_c22b4e8679b7919ac6445a5bf9e"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_1687878409981268ff4d5bc8ba4"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_b51261e94f2508962e92cda7a07"');
    await queryRunner.query('DROP INDEX "public"."assignment_file_file_idx"');
    await queryRunner.query('DROP TABLE "assignment_file"');
    await queryRunner.query('DROP INDEX "public"."assignment_inbox_idx"');
    await queryRunner.query('DROP INDEX "public"."assignment_disposition_idx"');
    await queryRunner.query('DROP INDEX "public"."assignment_letter_idx"');
    await queryRunner.query('DROP TABLE "disposition_assignment"');
    await queryRunner.query('DROP INDEX "public"."disposition_letter_idx"');
    await queryRunner.query('DROP INDEX "public"."disposition_parent_idx"');
    await queryRunner.query('DROP TABLE "disposition"');
    await queryRunner.query('DROP TABLE "number_sequence"');
    await queryRunner.query('DROP INDEX "public"."letter_event_letter_idx"');
    await queryRunner.query('DROP TABLE "letter_event"');
    await queryRunner.query('DROP INDEX "public"."letter_addressee_user_idx"');
    await queryRunner.query('DROP TABLE "letter_addressee"');
    await queryRunner.query('DROP INDEX "public"."letter_file_file_idx"');
    await queryRunner.query('DROP TABLE "letter_file"');
    await queryRunner.query('DROP INDEX "public"."letter_unit_created_idx"');
    await queryRunner.query('DROP INDEX "public"."letter_created_by_idx"');
    await queryRunner.query('DROP TABLE "letter"');
  }
}
