import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { localDate } from '@gesit/calendar';
import { pdfLib } from '@gesit/approvals';
import { ClassificationCodeEntity, formatNumber, NumberingService, SecurityLevel } from '@gesit/correspondence';
import { FilesService } from '@gesit/files';
import { DEMO_PEOPLE, UserEntity } from '@gesit/identity';
import { UnitEntity } from '@gesit/organisation';
import { AppConfig, inTransaction } from '@gesit/platform';
import { OcrStatus, RecordOriginality, RecordPhase } from '../archive.enums';
import { DossierEntity } from '../dossiers/dossier.entity';
import { RecordPageEntity } from '../ocr/record-page.entity';
import { ArchiveRecordEntity } from '../records/archive-record.entity';
import { RecordsService } from '../records/records.service';
import { addYears, retentionDates } from '../retention/retention-dates';
import { SearchIndexService } from '../indexing/search-index.service';
import { DEMO_DOSSIERS, DEMO_RECORDS } from './demo-archive';

// API processes may start together: one of them seeds.
const ARCHIVE_DEMO_LOCK = 724_160;

async function onePagePdf(lines: string[]): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = pdfLib();
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 24, size: 13, font }));
  return Buffer.from(await doc.save());
}

/**
 * In development, once the demo organisation exists and the archive is empty: dossiers, a dozen records (some
 * scans already read by OCR) and one closed dossier past its retention, so that search and the whole disposal
 * procedure can be tried on the first start.
 */
@Injectable()
export class ArchiveDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Archive');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly files: FilesService,
    private readonly records: RecordsService,
    private readonly numbering: NumberingService,
    private readonly searchIndex: SearchIndexService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.production || !this.config.seedDemo) return;
    const pdfs = await Promise.all(DEMO_RECORDS.map((r) => onePagePdf(r.text)));
    const seeded = await inTransaction(this.dataSource, async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [ARCHIVE_DEMO_LOCK]);
      if (await em.exists(DossierEntity)) return 0;
      const clerkPerson = DEMO_PEOPLE.find((p) => p.roles.includes('CLERK' as never));
      const clerk = clerkPerson ? await em.findOneBy(UserEntity, { nip: clerkPerson.nip }) : null;
      if (!clerk?.positionId) return 0;
      const [{ unit_id: unitId }] = await em.query('SELECT unit_id FROM position WHERE id = $1', [clerk.positionId]);
      const unit = await em.findOneByOrFail(UnitEntity, { id: unitId });
      return this.seed(em, clerk.id, unit, pdfs);
    });
    if (seeded) this.logger.log(`seeded the demo archive: ${DEMO_DOSSIERS.length} dossiers, ${seeded} records (development only)`);
  }

  private async seed(em: EntityManager, clerkId: string, unit: UnitEntity, pdfs: Buffer[]): Promise<number> {
    const today = localDate(new Date(), unit.timezone);
    const dossiers = new Map<string, DossierEntity>();
    for (const d of DEMO_DOSSIERS) {
      const code = await em.findOneByOrFail(ClassificationCodeEntity, { code: d.classificationCode });
      const closedOn = d.closedYearsAgo === null ? null : addYears(today, -d.closedYearsAgo);
      const dates = closedOn ? retentionDates(closedOn, code) : null;
      const year = Number((closedOn ?? today).slice(0, 4));
      const dossier = em.create(DossierEntity, {
        id: randomUUID(),
        number: formatNumber(this.config.archive.dossierNumberFormat, {
          seq: await this.numbering.next(em, unit.id, year, 'DOSSIER'),
          unitCode: unit.code,
          year,
          month: 1,
          classification: code.code,
        }),
        title: d.title,
        description: null,
        classificationCode: code.code,
        unitId: unit.id,
        physicalLocation: d.physicalLocation,
        createdById: clerkId,
        closedAt: null,
        phase: RecordPhase.ACTIVE,
        legalHold: false,
        legalHoldReason: null,
        readOnly: false,
        periodFrom: null,
        periodTo: null,
        activeUntil: null,
        inactiveUntil: null,
      });
      await em.insert(DossierEntity, dossier);
      dossiers.set(d.key, Object.assign(dossier, { closedOn, dates }));
    }
    let count = 0;
    for (const [i, r] of DEMO_RECORDS.entries()) {
      const dossier = dossiers.get(r.dossier)!;
      const file = await this.files.storeGenerated(em, {
        bytes: pdfs[i],
        filename: `${r.title}.pdf`,
        contentType: 'application/pdf',
        createdById: clerkId,
      });
      const record = await this.records.insert(em, clerkId, {
        title: r.title,
        description: null,
        classification: await em.findOneByOrFail(ClassificationCodeEntity, { code: dossier.classificationCode }),
        dossier,
        unitId: unit.id,
        timeZone: unit.timezone,
        documentDate: r.documentDate,
        securityLevel: r.securityLevel as SecurityLevel,
        originality: RecordOriginality.ORIGINAL,
        file,
      });
      if (r.ocr) {
        // Read by OCR already: its text per page; the job queued for it finds nothing left to do.
        await em.insert(RecordPageEntity, { recordId: record.id, page: 1, text: r.text.join('\n') });
        await em.update(ArchiveRecordEntity, { id: record.id }, { ocrStatus: OcrStatus.DONE, pageCount: 1 });
        await this.searchIndex.reindex(em, [record.id]);
      }
      count++;
    }
    // The old dossier was closed years ago: its retention has run out (the lock of its files with it).
    for (const dossier of dossiers.values()) {
      const { closedOn, dates } = dossier as DossierEntity & {
        closedOn: string | null;
        dates: { activeUntil: string; inactiveUntil: string } | null;
      };
      if (!closedOn || !dates) continue;
      await em.query(
        `UPDATE dossier d SET closed_at = $2::date::timestamptz, active_until = $3, inactive_until = $4,
                phase = CASE WHEN current_date >= $4::date THEN 'DUE_FOR_DISPOSAL' WHEN current_date >= $3::date THEN 'INACTIVE' ELSE 'ACTIVE' END,
                period_from = (SELECT min(document_date) FROM archive_record WHERE dossier_id = d.id),
                period_to = (SELECT max(document_date) FROM archive_record WHERE dossier_id = d.id)
          WHERE d.id = $1`,
        [dossier.id, closedOn, dates.activeUntil, dates.inactiveUntil],
      );
      await em.query('UPDATE archive_record SET active_until = $2, inactive_until = $3 WHERE dossier_id = $1', [
        dossier.id,
        dates.activeUntil,
        dates.inactiveUntil,
      ]);
    }
    return count;
  }
}
