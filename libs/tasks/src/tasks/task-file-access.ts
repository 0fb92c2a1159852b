import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Loaders, type Principal } from '@gesit/platform';
import { SupervisionService } from '../shared/supervision.service';
import { TaskAccessService } from './task-access.service';

/**
 * Whether a file held by hybrid work (a task or its update, a daily report's evidence, an arrangement's
 * evidence) is open to the caller: the task's people, the report's or arrangement's owner, and the
 * leaders above them.
 */
@Injectable()
export class TaskFileAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly supervision: SupervisionService,
  ) {}

  async canRead(principal: Principal, fileId: string): Promise<boolean> {
    const loaders = new Loaders();
    const tasks: { task_id: string }[] = await this.dataSource.query('SELECT task_id FROM task_file WHERE file_id = $1', [fileId]);
    for (const { task_id } of tasks) {
      const people = await this.access.readable(principal, task_id, loaders).catch(() => null);
      if (people) return true;
    }
    const owners: { user_id: string }[] = await this.dataSource.query(
      `SELECT r.user_id FROM daily_report_evidence e JOIN daily_report_entry de ON de.id = e.entry_id JOIN daily_report r ON r.id = de.report_id
        WHERE e.file_id = $1
       UNION SELECT a.user_id FROM work_arrangement_file f JOIN work_arrangement a ON a.id = f.arrangement_id WHERE f.file_id = $1`,
      [fileId],
    );
    for (const { user_id } of owners) if (await this.supervision.oversees(principal, user_id, loaders)) return true;
    return false;
  }
}
