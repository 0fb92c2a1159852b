import { MigrationInterface, QueryRunner } from 'typeorm';

// A starter classification scheme so a new installation can register letters at once. Its groups follow
// the decimal structure of the classification scheme for regional government (Lampiran Permendagri
// Nomor 83 Tahun 2022 tentang Kode Klasifikasi Arsip di Lingkungan Kementerian Dalam Negeri dan Pemerintah
// Daerah); names are shortened and the retention years are starter values, not an official JRA. Each
// organisation loads its own scheme and JRA with upsertClassificationCode.
const STARTER_SCHEME: [string, string, string | null, number, number, string][] = [
  ['000', 'Umum', null, 2, 3, 'REVIEW'],
  ['000.1', 'Ketatausahaan dan Kerumahtanggaan', '000', 2, 3, 'DESTROY'],
  ['000.1.1', 'Naskah dinas masuk', '000.1', 2, 3, 'DESTROY'],
  ['000.1.2', 'Naskah dinas keluar', '000.1', 2, 3, 'DESTROY'],
  ['000.1.3', 'Undangan dan rapat', '000.1', 1, 2, 'DESTROY'],
  ['000.2', 'Perlengkapan', '000', 2, 3, 'DESTROY'],
  ['000.3', 'Pengadaan barang dan jasa', '000', 2, 8, 'DESTROY'],
  ['000.5', 'Kearsipan', '000', 2, 5, 'REVIEW'],
  ['000.6', 'Persandian', '000', 2, 3, 'REVIEW'],
  ['000.7', 'Perencanaan', '000', 2, 5, 'REVIEW'],
  ['000.8', 'Organisasi dan tata laksana', '000', 3, 5, 'PERMANENT'],
  ['000.9', 'Penelitian, pengkajian dan pengembangan', '000', 2, 5, 'PERMANENT'],
  ['100', 'Pemerintahan', null, 3, 5, 'REVIEW'],
  ['100.1', 'Otonomi daerah', '100', 3, 5, 'PERMANENT'],
  ['100.2', 'Pemerintahan desa', '100', 3, 5, 'REVIEW'],
  ['200', 'Politik', null, 3, 5, 'REVIEW'],
  ['300', 'Ketenteraman, ketertiban umum dan perlindungan masyarakat', null, 3, 5, 'REVIEW'],
  ['400', 'Kesejahteraan rakyat', null, 3, 5, 'REVIEW'],
  ['500', 'Perekonomian', null, 3, 5, 'REVIEW'],
  ['600', 'Pekerjaan umum dan penataan ruang', null, 3, 5, 'REVIEW'],
  ['700', 'Pengawasan', null, 5, 5, 'REVIEW'],
  ['700.1', 'Pemeriksaan dan laporan hasil pengawasan', '700', 5, 5, 'PERMANENT'],
  ['800', 'Kepegawaian', null, 5, 10, 'REVIEW'],
  ['800.1', 'Pengembangan sumber daya manusia', '800', 2, 3, 'DESTROY'],
  ['800.2', 'Mutasi dan kenaikan pangkat', '800', 5, 10, 'DESTROY'],
  ['900', 'Keuangan', null, 5, 5, 'REVIEW'],
  ['900.1', 'Anggaran dan pelaksanaan anggaran', '900', 5, 5, 'DESTROY'],
  ['900.2', 'Pertanggungjawaban keuangan', '900', 5, 5, 'REVIEW'],
];

export class Classification1795818768709 implements MigrationInterface {
  name = 'Classification1795818768709';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "classification_code" ("code" text NOT NULL, "name" text NOT NULL, "parent_code" text, "active_years" integer NOT NULL, "inactive_years" integer NOT NULL, "final_disposition" text NOT NULL, CONSTRAINT "classification_code_years" CHECK (active_years >= 0 AND inactive_years >= 0), CONSTRAINT "PK_70609d6310150ea58c85cc51b30" PRIMARY KEY ("code"))',
    );
    await queryRunner.query('CREATE INDEX "classification_code_parent_idx" ON "classification_code"  ("parent_code") ');
    await queryRunner.query(
      'ALTER TABLE "classification_code" ADD CONSTRAINT "FK_9b57877663f91dccdc79d8d1d66" FOREIGN KEY ("parent_code") REFERENCES "classification_code"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    for (const [code, name, parentCode, activeYears, inactiveYears, finalDisposition] of STARTER_SCHEME) {
      await queryRunner.query(
        'INSERT INTO classification_code (code, name, parent_code, active_years, inactive_years, final_disposition) VALUES ($1, $2, $3, $4, $5, $6)',
        [code, name, parentCode, activeYears, inactiveYears, finalDisposition],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "classification_code" DROP CONSTRAINT "FK_9b57877663f91dccdc79d8d1d66"');
    await queryRunner.query('DROP INDEX "public"."classification_code_parent_idx"');
    await queryRunner.query('DROP TABLE "classification_code"');
  }
}
