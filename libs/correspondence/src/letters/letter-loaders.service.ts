import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { groupByKeys, Loaders, orderByKeys } from '@gesit/platform';
import { DispositionAssignmentEntity, DispositionEntity } from '../dispositions/disposition.entity';
import { LetterAddresseeEntity, LetterEntity, LetterEventEntity, LetterFileEntity } from './letter.entity';

/** Per-request batch loaders for everything a list of letters or assignments can ask for. */
@Injectable()
export class LetterLoaders {
  constructor(private readonly dataSource: DataSource) {}

  letter(loaders: Loaders): DataLoader<string, LetterEntity | null> {
    return loaders.get(
      'letter',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          orderByKeys(ids, await this.dataSource.getRepository(LetterEntity).findBy({ id: In([...ids]) }), (l) => l.id),
        ),
    );
  }

  disposition(loaders: Loaders): DataLoader<string, DispositionEntity | null> {
    return loaders.get(
      'disposition',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          orderByKeys(ids, await this.dataSource.getRepository(DispositionEntity).findBy({ id: In([...ids]) }), (d) => d.id),
        ),
    );
  }

  assignment(loaders: Loaders): DataLoader<string, DispositionAssignmentEntity | null> {
    return loaders.get(
      'assignment',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          orderByKeys(ids, await this.dataSource.getRepository(DispositionAssignmentEntity).findBy({ id: In([...ids]) }), (a) => a.id),
        ),
    );
  }

  dispositionsOfLetter(loaders: Loaders): DataLoader<string, DispositionEntity[]> {
    return loaders.get(
      'dispositionsOfLetter',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          groupByKeys(
            ids,
            await this.dataSource.getRepository(DispositionEntity).find({ where: { letterId: In([...ids]) }, order: { createdAt: 'ASC' } }),
            (d) => d.letterId,
          ),
        ),
    );
  }

  /** Dispositions forwarded from each assignment. */
  children(loaders: Loaders): DataLoader<string, DispositionEntity[]> {
    return loaders.get(
      'dispositionChildren',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          groupByKeys(
            ids,
            await this.dataSource
              .getRepository(DispositionEntity)
              .find({ where: { parentAssignmentId: In([...ids]) }, order: { createdAt: 'ASC' } }),
            (d) => d.parentAssignmentId!,
          ),
        ),
    );
  }

  assignmentsOfDisposition(loaders: Loaders): DataLoader<string, DispositionAssignmentEntity[]> {
    return loaders.get(
      'assignmentsOfDisposition',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          groupByKeys(
            ids,
            await this.dataSource
              .getRepository(DispositionAssignmentEntity)
              .find({ where: { dispositionId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
            (a) => a.dispositionId,
          ),
        ),
    );
  }

  /** Assignees whose assignment is not completed: where the letter is now (posisi surat). */
  currentHolderIds(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.get(
      'currentHolders',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows = await this.dataSource.getRepository(DispositionAssignmentEntity).find({
            where: { letterId: In([...ids]), cancelledAt: IsNull() },
            order: { createdAt: 'ASC' },
          });
          const open = rows.filter((a) => a.status !== 'COMPLETED');
          return groupByKeys(ids, open, (a) => a.letterId).map((list) => [...new Set(list.map((a) => a.assigneeId))]);
        }),
    );
  }

  addresseeIds(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.get(
      'letterAddressees',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          groupByKeys(
            ids,
            await this.dataSource.getRepository(LetterAddresseeEntity).findBy({ letterId: In([...ids]) }),
            (a) => a.letterId,
          ).map((list) => list.map((a) => a.userId)),
        ),
    );
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

  completionFiles(loaders: Loaders): DataLoader<string, StoredFileEntity[]> {
    return loaders.get(
      'assignmentFiles',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows: (StoredFileEntity & { assignment_id: string })[] = await this.dataSource.query(
            `SELECT af.assignment_id, f.id, f.storage_key AS "storageKey", f.filename, f.content_type AS "contentType", f.size::int AS size,
                    f.sha256, f.uploaded_by_id AS "uploadedById", f.locked, f.created_at AS "createdAt"
               FROM assignment_file af JOIN stored_file f ON f.id = af.file_id WHERE af.assignment_id = ANY($1::uuid[])`,
            [ids],
          );
          return groupByKeys(ids, rows, (r) => r.assignment_id);
        }),
    );
  }

  timeline(loaders: Loaders): DataLoader<string, LetterEventEntity[]> {
    return loaders.get(
      'letterTimeline',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          groupByKeys(
            ids,
            await this.dataSource.getRepository(LetterEventEntity).find({ where: { letterId: In([...ids]) }, order: { id: 'ASC' } }),
            (e) => e.letterId,
          ),
        ),
    );
  }
}
