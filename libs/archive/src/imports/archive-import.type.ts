import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ImportStatus } from '../archive.enums';

@ObjectType('ArchiveImportError')
export class ArchiveImportErrorType {
  @Field(() => Int, { description: 'The line of the manifest (the header is line 1); 0 for the ZIP or the manifest as a whole.' })
  row: number;

  @Field()
  message: string;
}

@ObjectType('ArchiveImport')
export class ArchiveImportType {
  @Field(() => ID)
  id: string;

  @Field(() => ImportStatus)
  status: ImportStatus;

  @Field()
  dryRun: boolean;

  @Field(() => Int, { description: 'Rows in the manifest.' })
  total: number;

  @Field(() => Int, { description: 'Rows handled so far, whatever their outcome (stored, checked, failed or skipped).' })
  processed: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int, { description: 'Rows that were already archived (same file SHA-256) and were skipped.' })
  skipped: number;

  @Field(() => [ArchiveImportErrorType], { description: "The refused rows, in the request's language (Accept-Language)." })
  errors: ArchiveImportErrorType[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  startedById: string;
}

@InputType()
export class StartArchiveImportInput {
  @Field(() => ID, {
    description:
      'CSV (UTF-8, comma or semicolon, header row, case-insensitive) with one row per record. Columns: file, classification_code, ' +
      'title, document_date (YYYY-MM-DD) are required; dossier_number, security_level (default PUBLIC), originality (default ' +
      'ORIGINAL), physical_location, description are optional. Indonesian headers are accepted too: berkas, kode_klasifikasi, ' +
      'uraian, tanggal, nomor_berkas, tingkat_keamanan, tingkat_perkembangan, lokasi_simpan, keterangan.',
  })
  manifestFileId: string;

  @Field(() => ID, { description: 'ZIP holding the scanned files named in the manifest.' })
  bundleFileId: string;

  @Field({ description: 'true checks every row and stores nothing.' })
  dryRun: boolean;
}
