import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ClassificationCodeEntity, ClassificationService, LetterEntity } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { byIdLoader, Loaders, orderByKeys } from '@gesit/platform';
import { DossierEntity } from './dossier.entity';
import { DossiersService } from './dossiers.service';
import { DataSource } from 'typeorm';

/** Per-request loaders of what records and dossiers point at. */
@Injectable()
export class ArchiveLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossiersService,
    private readonly classification: ClassificationService,
  ) {}

  dossier(loaders: Loaders): DataLoader<string, DossierEntity | null> {
    return loaders.get(
      'archive.dossier',
      () => new DataLoader(async (ids: readonly string[]) => orderByKeys(ids, await this.dossiers.findByIds(ids), (d) => d.id)),
    );
  }

  recordCount(loaders: Loaders): DataLoader<string, number> {
    return loaders.get(
      'archive.recordCount',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const counts = await this.dossiers.recordCounts(ids);
          return ids.map((id) => counts.get(id) ?? 0);
        }),
    );
  }

  classificationCode(loaders: Loaders): DataLoader<string, ClassificationCodeEntity | null> {
    return this.classification.byCode(loaders);
  }

  file(loaders: Loaders): DataLoader<string, StoredFileEntity | null> {
    return byIdLoader(loaders, this.dataSource, StoredFileEntity);
  }

  /** Letters of records the caller may read: a record readable through its letter reads the letter. */
  letter(loaders: Loaders): DataLoader<string, LetterEntity | null> {
    return byIdLoader(loaders, this.dataSource, LetterEntity);
  }
}
