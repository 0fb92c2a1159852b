import { MigrationInterface, QueryRunner } from 'typeorm';

export class HybridWork1796071000000 implements MigrationInterface {
  name = 'HybridWork1796071000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "performance_target" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "year" integer NOT NULL, "title" text NOT NULL, "indicator" text NOT NULL, "target_quantity" integer, "unit_of_measure" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_770d2eb1a810d08764f6561e811" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "performance_target_user_year_idx" ON "performance_target"  ("user_id", "year") ');
    await queryRunner.query(
      'CREATE TABLE "task" ("id" uuid NOT NULL, "title" text NOT NULL, "description" text, "status" text NOT NULL, "priority" text NOT NULL, "progress" integer NOT NULL DEFAULT \'0\', "creator_id" uuid NOT NULL, "acting_for_id" uuid, "parent_id" uuid, "start_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "due_soon_at" TIMESTAMP WITH TIME ZONE, "estimate_minutes" integer, "recurrence" text, "performance_target_id" uuid, "source_assignment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "task_progress_range" CHECK (progress BETWEEN 0 AND 100), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "task_source_assignment_idx" ON "task"  ("source_assignment_id") ');
    await queryRunner.query('CREATE INDEX "task_parent_idx" ON "task"  ("parent_id") ');
    await queryRunner.query('CREATE INDEX "task_creator_idx" ON "task"  ("creator_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "task_assignee" ("task_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_70f70b519ef8e0de05dac469918" PRIMARY KEY ("task_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "task_assignee_user_idx" ON "task_assignee"  ("user_id", "task_id") ');
    await queryRunner.query(
      'CREATE TABLE "task_checklist_item" ("id" uuid NOT NULL, "task_id" uuid NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, "done" boolean NOT NULL DEFAULT false, CONSTRAINT "task_checklist_item_position_key" UNIQUE ("task_id", "position"), CONSTRAINT "PK_1bcfabf5b7f2eef0e14821fc86a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "task_update" ("id" uuid NOT NULL, "task_id" uuid NOT NULL, "author_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "progress" integer NOT NULL, "note" text NOT NULL, "work_mode" text NOT NULL, "status" text, CONSTRAINT "PK_3cc696967da74a4065f3b574638" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "task_update_task_idx" ON "task_update"  ("task_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "task_file" ("task_id" uuid NOT NULL, "file_id" uuid NOT NULL, "update_id" uuid, CONSTRAINT "PK_580aceee277a689925f5fb49de0" PRIMARY KEY ("task_id", "file_id"))',
    );
    await queryRunner.query('CREATE INDEX "task_file_file_idx" ON "task_file"  ("file_id") ');
    await queryRunner.query(
      'CREATE TABLE "daily_report" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "date" date NOT NULL, "work_mode" text NOT NULL, "status" text NOT NULL, "total_minutes" integer NOT NULL DEFAULT \'0\', "note" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "daily_report_user_date_key" UNIQUE ("user_id", "date"), CONSTRAINT "PK_6f51b9eb292151755dc3ade12b1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "daily_report_date_idx" ON "daily_report"  ("date") ');
    await queryRunner.query('CREATE INDEX "daily_report_status_idx" ON "daily_report"  ("status", "submitted_at") ');
    await queryRunner.query(
      'CREATE TABLE "daily_report_entry" ("id" uuid NOT NULL, "report_id" uuid NOT NULL, "position" integer NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "minutes" integer NOT NULL, "activity" text NOT NULL, "task_id" uuid, "performance_target_id" uuid, "output_quantity" integer, "output" text, CONSTRAINT "daily_report_entry_position_key" UNIQUE ("report_id", "position"), CONSTRAINT "PK_4fd1a58f5b067198c0b749f4167" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "daily_report_entry_target_idx" ON "daily_report_entry"  ("performance_target_id") ');
    await queryRunner.query('CREATE INDEX "daily_report_entry_task_idx" ON "daily_report_entry"  ("task_id") ');
    await queryRunner.query(
      'CREATE TABLE "daily_report_evidence" ("entry_id" uuid NOT NULL, "file_id" uuid NOT NULL, CONSTRAINT "PK_c4bc75cf0752f751a3c4246cbfb" PRIMARY KEY ("entry_id", "file_id"))',
    );
    await queryRunner.query('CREATE INDEX "daily_report_evidence_file_idx" ON "daily_report_evidence"  ("file_id") ');
    await queryRunner.query(
      'CREATE TABLE "work_arrangement" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "work_mode" text, "weekdays" integer array NOT NULL, "start_time" text, "end_time" text, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "reason" text NOT NULL, "status" text NOT NULL, "decider_id" uuid, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b93623dfc7842979ce9b651197" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "work_arrangement_user_idx" ON "work_arrangement"  ("user_id", "starts_on") ');
    await queryRunner.query(
      'CREATE TABLE "work_arrangement_file" ("arrangement_id" uuid NOT NULL, "file_id" uuid NOT NULL, CONSTRAINT "PK_3c8e457f541515efae8da31e0be" PRIMARY KEY ("arrangement_id", "file_id"))',
    );
    await queryRunner.query('CREATE INDEX "work_arrangement_file_file_idx" ON "work_arrangement_file"  ("file_id") ');
    await queryRunner.query(
      'ALTER TABLE "performance_target" ADD CONSTRAINT "FK_59f7a4bb514f6269510eea7ca3a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_ec30ef94c7d981113563d91472b" FOREIGN KEY ("creator_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_a610bc81edd9118fac70544fc81" FOREIGN KEY ("acting_for_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_5b12d07794e1d6428696b35fd7e" FOREIGN KEY ("parent_id") REFERENCES "task"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_07966d8a72fbbed58ddd18ae0fd" FOREIGN KEY ("performance_target_id") REFERENCES "performance_target"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assignee" ADD CONSTRAINT "FK_0378b930c90a51bc04a5354446f" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_assignee" ADD CONSTRAINT "FK_d29ede4690b43955e89e3f02977" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_checklist_item" ADD CONSTRAINT "FK_943cd89ff13a2a2116345d023be" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_update" ADD CONSTRAINT "FK_0ae2c96e493cbff69c4eb6fd23a" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_update" ADD CONSTRAINT "FK_94f07db2afa5567129bc8f27c3e" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_file" ADD CONSTRAINT "FK_04979f28411541dd6ce2942b051" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_file" ADD CONSTRAINT "FK_40cb861fa7888a5181ff2906363" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task_file" ADD CONSTRAINT "FK_c75c39ca6820e38e2b3c8106fa0" FOREIGN KEY ("update_id") REFERENCES "task_update"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report" ADD CONSTRAINT "FK_b23e78b1cf2daf3b5954bf21487" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report" ADD CONSTRAINT "FK_980bd98583d3dfa5d8543bfcf45" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report_entry" ADD CONSTRAINT "FK_2260e8143d4edde0b196978094d" FOREIGN KEY ("report_id") REFERENCES "daily_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report_entry" ADD CONSTRAINT "FK_d6d8ea6cd68ad8c2f255e625943" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report_entry" ADD CONSTRAINT "FK_58416150221838241da347d0cf9" FOREIGN KEY ("performance_target_id") REFERENCES "performance_target"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report_evidence" ADD CONSTRAINT "FK_2617d2669368eb81a0f217ff31a" FOREIGN KEY ("entry_id") REFERENCES "daily_report_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "daily_report_evidence" ADD CONSTRAINT "FK_24d0539144660fdeedbf74578b2" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_arrangement" ADD CONSTRAINT "FK_37ec3d6aac17b6c904f19a7881a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_arrangement" ADD CONSTRAINT "FK_4aead6fb72c4e9583586f14c506" FOREIGN KEY ("decider_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_arrangement" ADD CONSTRAINT "FK_76496ae54b1b1ad39b132519dc6" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_arrangement_file" ADD CONSTRAINT "FK_1b36ea8a073e5225bb6b0721956" FOREIGN KEY ("arrangement_id") REFERENCES "work_arrangement"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_arrangement_file" ADD CONSTRAINT "FK_ea3c66eb708ab02a8a51427539c" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "work_arrangement_file" DROP CONSTRAINT "FK_ea3c66eb708ab02a8a51427539c"');
    await queryRunner.query('ALTER TABLE "work_arrangement_file" DROP CONSTRAINT "FK_1b36ea8a073e5225bb6b0721956"');
    await queryRunner.query('ALTER TABLE "work_arrangement" DROP CONSTRAINT "FK_76496ae54b1b1ad39b132519dc6"');
    await queryRunner.query('ALTER TABLE "work_arrangement" DROP CONSTRAINT "FK_4aead6fb72c4e9583586f14c506"');
    await queryRunner.query('ALTER TABLE "work_arrangement" DROP CONSTRAINT "FK_37ec3d6aac17b6c904f19a7881a"');
    await queryRunner.query('ALTER TABLE "daily_report_evidence" DROP CONSTRAINT "FK_24d0539144660fdeedbf74578b2"');
    await queryRunner.query('ALTER TABLE "daily_report_evidence" DROP CONSTRAINT "FK_2617d2669368eb81a0f217ff31a"');
    await queryRunner.query('ALTER TABLE "daily_report_entry" DROP CONSTRAINT "FK_58416150221838241da347d0cf9"');
    await queryRunner.query('ALTER TABLE "daily_report_entry" DROP CONSTRAINT "FK_d6d8ea6cd68ad8c2f255e625943"');
    await queryRunner.query('ALTER TABLE "daily_report_entry" DROP CONSTRAINT "FK_2260e8143d4edde0b196978094d"');
    await queryRunner.query('ALTER TABLE "daily_report" DROP CONSTRAINT "FK_980bd98583d3dfa5d8543bfcf45"');
    await queryRunner.query('ALTER TABLE "daily_report" DROP CONSTRAINT "FK_b23e78b1cf2daf3b5954bf21487"');
    await queryRunner.query('ALTER TABLE "task_file" DROP CONSTRAINT "FK_c75c39ca6820e38e2b3c8106fa0"');
    await queryRunner.query('ALTER TABLE "task_file" DROP CONSTRAINT "FK_40cb861fa7888a5181ff2906363"');
    await queryRunner.query('ALTER TABLE "task_file" DROP CONSTRAINT "FK_04979f28411541dd6ce2942b051"');
    await queryRunner.query('ALTER TABLE "task_update" DROP CONSTRAINT "FK_94f07db2afa5567129bc8f27c3e"');
    await queryRunner.query('ALTER TABLE "task_update" DROP CONSTRAINT "FK_0ae2c96e493cbff69c4eb6fd23a"');
    await queryRunner.query('ALTER TABLE "task_checklist_item" DROP CONSTRAINT "FK_943cd89ff13a2a2116345d023be"');
    await queryRunner.query('ALTER TABLE "task_assignee" DROP CONSTRAINT "FK_d29ede4690b43955e89e3f02977"');
    await queryRunner.query('ALTER TABLE "task_assignee" DROP CONSTRAINT "FK_0378b930c90a51bc04a5354446f"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_07966d8a72fbbed58ddd18ae0fd"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_5b12d07794e1d6428696b35fd7e"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_a610bc81edd9118fac70544fc81"');
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_ec30ef94c7d981113563d91472b"');
    await queryRunner.query('ALTER TABLE "performance_target" DROP CONSTRAINT "FK_59f7a4bb514f6269510eea7ca3a"');
    await queryRunner.query('DROP INDEX "public"."work_arrangement_file_file_idx"');
    await queryRunner.query('DROP TABLE "work_arrangement_file"');
    await queryRunner.query('DROP INDEX "public"."work_arrangement_user_idx"');
    await queryRunner.query('DROP TABLE "work_arrangement"');
    await queryRunner.query('DROP INDEX "public"."daily_report_evidence_file_idx"');
    await queryRunner.query('DROP TABLE "daily_report_evidence"');
    await queryRunner.query('DROP INDEX "public"."daily_report_entry_task_idx"');
    await queryRunner.query('DROP INDEX "public"."daily_report_entry_target_idx"');
    await queryRunner.query('DROP TABLE "daily_report_entry"');
    await queryRunner.query('DROP INDEX "public"."daily_report_status_idx"');
    await queryRunner.query('DROP INDEX "public"."daily_report_date_idx"');
    await queryRunner.query('DROP TABLE "daily_report"');
    await queryRunner.query('DROP INDEX "public"."task_file_file_idx"');
    await queryRunner.query('DROP TABLE "task_file"');
    await queryRunner.query('DROP INDEX "public"."task_update_task_idx"');
    await queryRunner.query('DROP TABLE "task_update"');
    await queryRunner.query('DROP TABLE "task_checklist_item"');
    await queryRunner.query('DROP INDEX "public"."task_assignee_user_idx"');
    await queryRunner.query('DROP TABLE "task_assignee"');
    await queryRunner.query('DROP INDEX "public"."task_creator_idx"');
    await queryRunner.query('DROP INDEX "public"."task_parent_idx"');
    await queryRunner.query('DROP INDEX "public"."task_source_assignment_idx"');
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('DROP INDEX "public"."performance_target_user_year_idx"');
    await queryRunner.query('DROP TABLE "performance_target"');
  }
}
