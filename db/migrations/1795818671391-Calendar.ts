import { MigrationInterface, QueryRunner } from 'typeorm';

// Seeded once: the default working week, SLA policies and the 2026 holidays from libs/calendar/src/data/holidays-id-2026.json
// (SKB 1497/2025, 2/2025, 5/2025). Later years are loaded by an ADMIN with importHolidays when their decree is published.
const HOLIDAYS_2026: [string, string, string][] = [
  ['2026-01-01', 'Tahun Baru 2026 Masehi', 'NATIONAL'],
  ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'NATIONAL'],
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'NATIONAL'],
  ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'NATIONAL'],
  ['2026-03-21', 'Idul Fitri 1447 Hijriah', 'NATIONAL'],
  ['2026-03-22', 'Idul Fitri 1447 Hijriah', 'NATIONAL'],
  ['2026-04-03', 'Wafat Yesus Kristus', 'NATIONAL'],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL'],
  ['2026-05-01', 'Hari Buruh Internasional', 'NATIONAL'],
  ['2026-05-14', 'Kenaikan Yesus Kristus', 'NATIONAL'],
  ['2026-05-27', 'Idul Adha 1447 Hijriah', 'NATIONAL'],
  ['2026-05-31', 'Hari Raya Waisak 2570 BE', 'NATIONAL'],
  ['2026-06-01', 'Hari Lahir Pancasila', 'NATIONAL'],
  ['2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'NATIONAL'],
  ['2026-08-17', 'Proklamasi Kemerdekaan', 'NATIONAL'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW', 'NATIONAL'],
  ['2026-12-25', 'Kelahiran Yesus Kristus', 'NATIONAL'],
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili', 'COLLECTIVE_LEAVE'],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'COLLECTIVE_LEAVE'],
  ['2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah', 'COLLECTIVE_LEAVE'],
  ['2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah', 'COLLECTIVE_LEAVE'],
  ['2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah', 'COLLECTIVE_LEAVE'],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'COLLECTIVE_LEAVE'],
  ['2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah', 'COLLECTIVE_LEAVE'],
  ['2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'COLLECTIVE_LEAVE'],
];

export class Calendar1795818671391 implements MigrationInterface {
  name = 'Calendar1795818671391';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "holiday" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "unit_id" uuid, CONSTRAINT "holiday_regional_has_unit" CHECK ((kind = \'REGIONAL\') = (unit_id IS NOT NULL)), CONSTRAINT "PK_3e7492c25f80418a7aad0aec053" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "working_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid, "weekdays" integer array NOT NULL, "start" text NOT NULL, "end" text NOT NULL, CONSTRAINT "PK_5f84d2fa3953367fe9d704d8df6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sla_policy" ("urgency" text NOT NULL, "working_hours" integer NOT NULL, "remind_at_fraction" double precision NOT NULL, "escalate_every_working_hours" integer NOT NULL, CONSTRAINT "PK_ae332e94b3b4339d6a5f2724988" PRIMARY KEY ("urgency"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "holiday_day_uq" ON "holiday" ("date", "kind", "unit_id") NULLS NOT DISTINCT');
    await queryRunner.query('CREATE UNIQUE INDEX "working_hours_unit_uq" ON "working_hours" ("unit_id") NULLS NOT DISTINCT');
    await queryRunner.query(`INSERT INTO working_hours (unit_id, weekdays, start, "end") VALUES (NULL, '{1,2,3,4,5}', '07:30', '16:00')`);
    await queryRunner.query(
      `INSERT INTO sla_policy (urgency, working_hours, remind_at_fraction, escalate_every_working_hours)
       VALUES ('VERY_URGENT', 8, 0.75, 8), ('URGENT', 16, 0.75, 8), ('NORMAL', 40, 0.75, 8)`,
    );
    await queryRunner.query(
      `INSERT INTO holiday (date, name, kind) SELECT d::date, n, k FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, n, k)`,
      [HOLIDAYS_2026.map((d) => d[0]), HOLIDAYS_2026.map((d) => d[1]), HOLIDAYS_2026.map((d) => d[2])],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "sla_policy"');
    await queryRunner.query('DROP TABLE "working_hours"');
    await queryRunner.query('DROP TABLE "holiday"');
  }
}
