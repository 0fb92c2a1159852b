import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { byColumnLoader, byIdLoader, groupByKeys, isUuid, Loaders } from '@gesit/platform';
import { DispositionAssignmentEntity, DispositionEntity } from './disposition.entity';

/** Per-request batch loaders for what a list of dispositions or assignments can ask for. */
@Injectable()
export class DispositionLoaders {
  constructor(private readonly dataSource: DataSource) {}

  disposition(loaders: Loaders): DataLoader<string, DispositionEntity | null> {
    return byIdLoader(loaders, this.dataSource, DispositionEntity);
  }

  assignment(loaders: Loaders): DataLoader<string, DispositionAssignmentEntity | null> {
    return byIdLoader(loaders, this.dataSource, DispositionAssignmentEntity);
  }

  dispositionsOfLetter(loaders: Loaders): DataLoader<string, DispositionEntity[]> {
    return byColumnLoader(loaders, this.dataSource, DispositionEntity, 'letterId', { createdAt: 'ASC' });
  }

  /** Dispositions forwarded from each assignment. */
  children(loaders: Loaders): DataLoader<string, DispositionEntity[]> {
    return byColumnLoader(loaders, this.dataSource, DispositionEntity, 'parentAssignmentId', { createdAt: 'ASC' });
  }

  assignmentsOfDisposition(loaders: Loaders): DataLoader<string, DispositionAssignmentEntity[]> {
    return byColumnLoader(loaders, this.dataSource, DispositionAssignmentEntity, 'dispositionId', { createdAt: 'ASC', id: 'ASC' });
  }

  /** Assignees whose assignment is not completed: where the letter is now (posisi surat). */
  currentHolderIds(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.get(
      'currentHolders',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          // Open assignments whose work is not waiting on others: one forwarded and still open below is not theirs to do now.
          const open: { letterId: string; assigneeId: string }[] = await this.dataSource.query(
            `SELECT a.letter_id AS "letterId", a.assignee_id AS "assigneeId" FROM disposition_assignment a
              WHERE a.letter_id = ANY($1::uuid[]) AND a.cancelled_at IS NULL AND a.status <> 'COMPLETED'
                AND NOT EXISTS (SELECT 1 FROM disposition d JOIN disposition_assignment c ON c.disposition_id = d.id
                                 WHERE d.parent_assignment_id = a.id AND c.cancelled_at IS NULL AND c.status <> 'COMPLETED')
              ORDER BY a.created_at, a.id`,
            [ids.filter(isUuid)],
          );
          return groupByKeys(ids, open, (a) => a.letterId).map((list) => [...new Set(list.map((a) => a.assigneeId))]);
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
}
