import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { byColumnLoader, byIdLoader, groupByKeys, Loaders } from '@gesit/platform';
import { LetterAddresseeEntity, LetterEntity, LetterEventEntity, LetterFileEntity, LetterRecipientEntity } from './letter.entity';

/** Per-request batch loaders for what a list of letters can ask for. */
@Injectable()
export class LetterLoaders {
  constructor(private readonly dataSource: DataSource) {}

  letter(loaders: Loaders): DataLoader<string, LetterEntity | null> {
    return byIdLoader(loaders, this.dataSource, LetterEntity);
  }

  addressees(loaders: Loaders): DataLoader<string, LetterAddresseeEntity[]> {
    return byColumnLoader(loaders, this.dataSource, LetterAddresseeEntity, 'letterId');
  }

  /** The officials inside Gesit an outgoing letter is sent to. */
  recipients(loaders: Loaders): DataLoader<string, LetterRecipientEntity[]> {
    return byColumnLoader(loaders, this.dataSource, LetterRecipientEntity, 'letterId');
  }

  files(loaders: Loaders): DataLoader<string, StoredFileEntity[]> {
    return loaders.get(
      'letterFiles',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const links = await this.dataSource
            .getRepository(LetterFileEntity)
            .find({ where: { letterId: In([...ids]) }, order: { position: 'ASC' } });
          const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(links.map((l) => l.fileId)) });
          const byId = new Map(files.map((f) => [f.id, f]));
          return groupByKeys(ids, links, (l) => l.letterId).map((list) => list.map((l) => byId.get(l.fileId)!).filter(Boolean));
        }),
    );
  }

  timeline(loaders: Loaders): DataLoader<string, LetterEventEntity[]> {
    return byColumnLoader(loaders, this.dataSource, LetterEventEntity, 'letterId', { id: 'ASC' });
  }
}
