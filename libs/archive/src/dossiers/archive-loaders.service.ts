import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ClassificationCodeEntity, ClassificationService, LetterEntity } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { Loaders, orderByKeys } from '@gesit/platform';
import { DossierEntity } from './dossier.entity';
import { DossiersService } from './dossiers.service';
import { DataSource, In } from 'typeorm';

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
    return loaders.get(
      'classificationCode',
      () =>
        new DataLoader(async (codes: readonly string[]) => orderByKeys(codes, await this.classification.findByCodes(codes), (c) => c.code)),
    );
  }

  file(loaders: Loaders): DataLoader<string, StoredFileEntity | null> {
    return loaders.get(
      'archive.file',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          orderByKeys(ids, await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In([...ids]) }), (f) => f.id),
        ),
    );
  }

  /** Letters of records the caller may read: a record readable through its letter reads the letter. */
  letter(loaders: Loaders): DataLoader<string, LetterEntity | null> {
    return loaders.get(
      'archive.letter',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          orderByKeys(ids, await this.dataSource.getRepository(LetterEntity).findBy({ id: In([...ids]) }), (l) => l.id),
        ),
    );
  }
}
