import { Module, OnModuleInit } from '@nestjs/common';
import { CorrespondenceModule } from '@gesit/correspondence';
import { FileAccessRegistry, FilesModule } from '@gesit/files';
import { IdentityModule } from '@gesit/identity';
import { NotificationsModule } from '@gesit/notifications';
import { OrganisationModule } from '@gesit/organisation';
import { lazyTotalCountResolver } from '@gesit/platform';
import { ArchiveProcessor } from './archive.processor';
import { ArchiveDemoSeeder } from './demo/archive-demo.seeder';
import { DisposalResolver } from './disposal/disposal.resolver';
import { DisposalService } from './disposal/disposal.service';
import { InstitutionSealService } from './disposal/institution-seal.service';
import { RetentionService } from './retention/retention.service';
import { ImportRunnerService } from './imports/import-runner.service';
import { ImportsResolver } from './imports/imports.resolver';
import { ImportsService } from './imports/imports.service';
import { ImportProgress } from './imports/import-progress';
import { OcrProcessor } from './ocr/ocr.processor';
import { OcrSweepService } from './ocr/ocr-sweep.service';
import { OcrService } from './ocr/ocr.service';
import { DossierConnection } from './dossiers/dossier.type';
import { DossiersResolver } from './dossiers/dossiers.resolver';
import { DossiersService } from './dossiers/dossiers.service';
import { ArchiveLoaders } from './dossiers/archive-loaders.service';
import { ArchiveRecordConnection, UnfiledLetterConnection } from './records/archive-record.type';
import { RecordRetentionService } from './retention/record-retention.service';
import { DossierRecordsResolver } from './records/dossier-records.resolver';
import { RecordsResolver } from './records/records.resolver';
import { RecordsService } from './records/records.service';
import { SearchIndexService } from './indexing/search-index.service';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';
import { ArchiveSearchConnection } from './search/search.types';

const SERVICES = [
  DisposalService,
  InstitutionSealService,
  ImportsService,
  ImportProgress,
  DossiersService,
  RecordsService,
  RecordRetentionService,
  SearchIndexService,
  SearchService,
  ArchiveLoaders,
];

/** The records archive in the API: dossiers, records, search, imports, disposal. */
@Module({
  // Notifications for its Redis emitter: import progress reaches subscribers the way notifications do.
  imports: [CorrespondenceModule, FilesModule, IdentityModule, OrganisationModule, NotificationsModule],
  providers: [
    ...SERVICES,
    DossiersResolver,
    RecordsResolver,
    DossierRecordsResolver,
    SearchResolver,
    ImportsResolver,
    DisposalResolver,
    ArchiveDemoSeeder,
    lazyTotalCountResolver(DossierConnection),
    lazyTotalCountResolver(ArchiveRecordConnection),
    lazyTotalCountResolver(UnfiledLetterConnection),
    lazyTotalCountResolver(ArchiveSearchConnection),
  ],
  exports: SERVICES,
})
export class ArchiveModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly records: RecordsService,
    private readonly disposal: DisposalService,
  ) {}

  /** An archived file follows the access of its record (reading a classified one is audited); disposal documents their procedure. */
  onModuleInit(): void {
    this.fileAccess.register(async (principal, file) => {
      const ids = await this.records.recordsHoldingFile(file.id);
      if (!ids.length) return false;
      const readable = await this.records.readable(principal, ids);
      if (!readable.length) return false;
      await this.records.auditReads(principal, readable.slice(0, 1));
      return true;
    });
    this.fileAccess.register((principal, file) => this.disposal.mayReadDocument(principal, file.id));
  }
}

/** The archive in the worker: OCR of scans (imports, retention and disposal jobs join it). */
@Module({
  imports: [ArchiveModule, CorrespondenceModule, FilesModule, NotificationsModule],
  providers: [OcrService, OcrProcessor, OcrSweepService, ImportRunnerService, RetentionService, ArchiveProcessor],
})
export class ArchiveWorkerModule {}
