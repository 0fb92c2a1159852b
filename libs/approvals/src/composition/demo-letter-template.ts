import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@gesit/platform';
import { PaperSize } from './letter-template.entity';

/** The demo agency's top unit (see identity's demo organisation) and its kop surat. */
const DEMO_UNIT_CODE = 'DISKOMINFO';
export const DEMO_LETTER_TEMPLATE = {
  name: 'Kop Dinas Komunikasi dan Informatika',
  letterheadLines: [
    'PEMERINTAH KABUPATEN SLEMAN',
    'DINAS KOMUNIKASI DAN INFORMATIKA',
    'Jalan Parasamya Nomor 1, Beran, Tridadi, Sleman, Daerah Istimewa Yogyakarta 55511',
    'Telepon (0274) 868405, Laman diskominfo.example, Pos-el tu@diskominfo.example',
  ],
  place: 'Sleman',
  paperSize: PaperSize.A4,
};

/**
 * In development, gives the demo agency a letter template once identity has seeded it (identity's
 * bootstrap runs first: approvals imports it). Idempotent: a unit that has a template keeps it.
 */
@Injectable()
export class DemoLetterTemplate implements OnApplicationBootstrap {
  private readonly logger = new Logger('Approvals');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.production || !this.config.seedDemo) return;
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO letter_template (id, unit_id, name, letterhead_lines, place, paper_size)
       SELECT $1, u.id, $2, $3, $4, $5 FROM unit u
        WHERE u.code = $6 AND NOT EXISTS (SELECT 1 FROM letter_template t WHERE t.unit_id = u.id)
       RETURNING id`,
      [
        randomUUID(),
        DEMO_LETTER_TEMPLATE.name,
        DEMO_LETTER_TEMPLATE.letterheadLines,
        DEMO_LETTER_TEMPLATE.place,
        DEMO_LETTER_TEMPLATE.paperSize,
        DEMO_UNIT_CODE,
      ],
    );
    if (inserted.length) this.logger.log(`gave the demo unit ${DEMO_UNIT_CODE} the letter template "${DEMO_LETTER_TEMPLATE.name}"`);
  }
}
