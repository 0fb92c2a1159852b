import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795819216526 implements MigrationInterface {
  name = 'Identity1795819216526';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Delegations of one official must not overlap: an exclusion constraint on (official, time range) needs GiST on uuid.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(
      'CREATE TABLE "unit" ("id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "timezone" text NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "unit_timezone_check" CHECK ("timezone" IN (\'Asia/Jakarta\', \'Asia/Makassar\', \'Asia/Jayapura\')), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "unit_parent_idx" ON "unit"  ("parent_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "unit_code_key" ON "unit"  ("code") ');
    await queryRunner.query(
      'CREATE TABLE "position" ("id" uuid NOT NULL, "title" text NOT NULL, "unit_id" uuid NOT NULL, "superior_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7f483581562b4dc62ae1a5b7e2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "position_superior_idx" ON "position"  ("superior_id") ');
    await queryRunner.query('CREATE INDEX "position_unit_idx" ON "position"  ("unit_id") ');
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL, "nip" character(18) NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "roles" text array NOT NULL, "position_id" uuid, "password_hash" text NOT NULL, "mfa_enabled" boolean NOT NULL DEFAULT false, "totp_secret" text, "totp_pending_secret" text, "totp_last_time_step" bigint, "failed_login_count" integer NOT NULL DEFAULT \'0\', "failed_login_window_start" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_roles_check" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY[\'STAFF\', \'LEADER\', \'CLERK\', \'ADMIN\']::text[]), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "app_user_position_key" ON "app_user"  ("position_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"  ("email") ');
    await queryRunner.query('CREATE UNIQUE INDEX "app_user_nip_key" ON "app_user"  ("nip") ');
    await queryRunner.query(
      'CREATE TABLE "delegation" ("id" uuid NOT NULL, "kind" text NOT NULL, "from_user_id" uuid NOT NULL, "to_user_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_id" uuid, CONSTRAINT "delegation_kind_check" CHECK ("kind" IN (\'PLH\', \'PLT\')), CONSTRAINT "delegation_not_self_check" CHECK ("from_user_id" <> "to_user_id"), CONSTRAINT "delegation_window_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "delegation_no_overlap" EXCLUDE USING gist ("from_user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("revoked_at" IS NULL), CONSTRAINT "PK_a2cb6c9b942d68b109131beab44" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "delegation_from_idx" ON "delegation"  ("from_user_id", "starts_at") ');
    await queryRunner.query('CREATE INDEX "delegation_to_idx" ON "delegation"  ("to_user_id", "starts_at") ');
    await queryRunner.query(
      'CREATE TABLE "auth_session" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "scope" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "auth_session_scope_check" CHECK ("scope" IN (\'full\', \'mfa-enrolment\')), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "auth_session_user_idx" ON "auth_session"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "refresh_token" ("id" uuid NOT NULL, "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "refresh_token_session_idx" ON "refresh_token"  ("session_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "refresh_token_hash_key" ON "refresh_token"  ("token_hash") ');
    await queryRunner.query(
      'CREATE TABLE "recovery_code" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "recovery_code_user_hash_key" ON "recovery_code"  ("user_id", "code_hash") ');
    await queryRunner.query(
      'ALTER TABLE "unit" ADD CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "position" ADD CONSTRAINT "FK_1341903ee54016fde499b800d96" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "position" ADD CONSTRAINT "FK_e9f473cae69f4b20531a43ed5c9" FOREIGN KEY ("superior_id") REFERENCES "position"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_3b95ff9e5d2aac0d8a695a767ec" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "delegation" ADD CONSTRAINT "FK_274cf9c13b4551f0e5515ca475b" FOREIGN KEY ("from_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "delegation" ADD CONSTRAINT "FK_3192242aba59102215b2082ac14" FOREIGN KEY ("to_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "delegation" ADD CONSTRAINT "FK_c528f3959484d77e2fd748a7e17" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "delegation" ADD CONSTRAINT "FK_780bd1dad9c949daf44cd94ba64" FOREIGN KEY ("revoked_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_f5c95d9ca2047afa670093e2028" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_f5c95d9ca2047afa670093e2028"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c"');
    await queryRunner.query('ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"');
    await queryRunner.query('ALTER TABLE "delegation" DROP CONSTRAINT "FK_780bd1dad9c949daf44cd94ba64"');
    await queryRunner.query('ALTER TABLE "delegation" DROP CONSTRAINT "FK_c528f3959484d77e2fd748a7e17"');
    await queryRunner.query('ALTER TABLE "delegation" DROP CONSTRAINT "FK_3192242aba59102215b2082ac14"');
    await queryRunner.query('ALTER TABLE "delegation" DROP CONSTRAINT "FK_274cf9c13b4551f0e5515ca475b"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "FK_3b95ff9e5d2aac0d8a695a767ec"');
    await queryRunner.query('ALTER TABLE "position" DROP CONSTRAINT "FK_e9f473cae69f4b20531a43ed5c9"');
    await queryRunner.query('ALTER TABLE "position" DROP CONSTRAINT "FK_1341903ee54016fde499b800d96"');
    await queryRunner.query('ALTER TABLE "unit" DROP CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63"');
    await queryRunner.query('DROP INDEX "public"."recovery_code_user_hash_key"');
    await queryRunner.query('DROP TABLE "recovery_code"');
    await queryRunner.query('DROP INDEX "public"."refresh_token_hash_key"');
    await queryRunner.query('DROP INDEX "public"."refresh_token_session_idx"');
    await queryRunner.query('DROP TABLE "refresh_token"');
    await queryRunner.query('DROP INDEX "public"."auth_session_user_idx"');
    await queryRunner.query('DROP TABLE "auth_session"');
    await queryRunner.query('DROP INDEX "public"."delegation_to_idx"');
    await queryRunner.query('DROP INDEX "public"."delegation_from_idx"');
    await queryRunner.query('DROP TABLE "delegation"');
    await queryRunner.query('DROP INDEX "public"."app_user_nip_key"');
    await queryRunner.query('DROP INDEX "public"."app_user_email_key"');
    await queryRunner.query('DROP INDEX "public"."app_user_position_key"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "public"."position_unit_idx"');
    await queryRunner.query('DROP INDEX "public"."position_superior_idx"');
    await queryRunner.query('DROP TABLE "position"');
    await queryRunner.query('DROP INDEX "public"."unit_code_key"');
    await queryRunner.query('DROP INDEX "public"."unit_parent_idx"');
    await queryRunner.query('DROP TABLE "unit"');
  }
}
