import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { byColumnLoader, byIdLoader, groupByKeys, Loaders, orderByKeys } from '@gesit/platform';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { TaskChecklistItemEntity, TaskEntity, TaskUpdateEntity } from './task.entity';

/** Per-request batch loaders for what a list of tasks can ask for (one query per field, not per task). */
@Injectable()
export class TaskLoaders {
  constructor(private readonly dataSource: DataSource) {}

  task(loaders: Loaders): DataLoader<string, TaskEntity | null> {
    return byIdLoader(loaders, this.dataSource, TaskEntity);
  }

  assigneeIds(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.get(
      'tasks.assignees',
      () =>
        new DataLoader(async (taskIds: readonly string[]) => {
          const rows: { task_id: string; user_id: string }[] = await this.dataSource.query(
            'SELECT task_id, user_id FROM task_assignee WHERE task_id = ANY($1::uuid[]) ORDER BY user_id',
            [taskIds],
          );
          return groupByKeys(taskIds, rows, (r) => r.task_id).map((g) => g.map((r) => r.user_id));
        }),
    );
  }

  checklist(loaders: Loaders): DataLoader<string, TaskChecklistItemEntity[]> {
    return byColumnLoader(loaders, this.dataSource, TaskChecklistItemEntity, 'taskId', { position: 'ASC' });
  }

  updates(loaders: Loaders): DataLoader<string, TaskUpdateEntity[]> {
    return byColumnLoader(loaders, this.dataSource, TaskUpdateEntity, 'taskId', { at: 'ASC', id: 'ASC' });
  }

  subtasks(loaders: Loaders): DataLoader<string, TaskEntity[]> {
    return byColumnLoader(loaders, this.dataSource, TaskEntity, 'parentId', { createdAt: 'ASC', id: 'ASC' });
  }

  /** Files of a task (`task:<id>`) or of one of its updates (`update:<id>`). */
  files(loaders: Loaders): DataLoader<string, StoredFileEntity[]> {
    return loaders.get(
      'tasks.files',
      () =>
        new DataLoader(async (keys: readonly string[]) => {
          const taskIds = keys.filter((k) => k.startsWith('task:')).map((k) => k.slice(5));
          const updateIds = keys.filter((k) => k.startsWith('update:')).map((k) => k.slice(7));
          const found: { owner: string; file_id: string }[] = await this.dataSource.query(
            `SELECT 'task:' || task_id AS owner, file_id FROM task_file WHERE task_id = ANY($1::uuid[]) AND update_id IS NULL
           UNION ALL SELECT 'update:' || update_id, file_id FROM task_file WHERE update_id = ANY($2::uuid[])`,
            [taskIds, updateIds],
          );
          const files = new Map(
            (await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(found.map((f) => f.file_id)) })).map((f) => [f.id, f]),
          );
          return groupByKeys(keys, found, (f) => f.owner).map((g) =>
            g.map((f) => files.get(f.file_id)).filter((f): f is StoredFileEntity => Boolean(f)),
          );
        }),
    );
  }

  spentMinutes(loaders: Loaders): DataLoader<string, number> {
    return loaders.get(
      'tasks.spentMinutes',
      () =>
        new DataLoader(async (taskIds: readonly string[]) => {
          const rows: { task_id: string; minutes: number }[] = await this.dataSource.query(
            'SELECT task_id, sum(minutes)::int AS minutes FROM daily_report_entry WHERE task_id = ANY($1::uuid[]) GROUP BY task_id',
            [taskIds],
          );
          return orderByKeys(taskIds, rows, (r) => r.task_id).map((r) => r?.minutes ?? 0);
        }),
    );
  }

  target(loaders: Loaders): DataLoader<string, PerformanceTargetEntity | null> {
    return byIdLoader(loaders, this.dataSource, PerformanceTargetEntity);
  }
}
