export { ArchiveModule, ArchiveWorkerModule } from './archive.module';
export * from './archive.enums';
export * from './archive-events';
export { DossierEntity } from './dossiers/dossier.entity';
export { ArchiveRecordEntity, ArchiveRecordFileEntity } from './records/archive-record.entity';
export { RecordPageEntity } from './ocr/record-page.entity';
export { ArchiveImportEntity } from './imports/archive-import.entity';
export { DisposalProposalEntity, DisposalProposalDossierEntity } from './disposal/disposal-proposal.entity';
export { RetentionService } from './retention/retention.service';
