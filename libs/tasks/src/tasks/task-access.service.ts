import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicyService, ChainOfCommandService, PeopleDirectory } from '@gesit/identity';
import { AppError, isUuid, Loaders, type Principal } from '@gesit/platform';
import { TaskEntity } from './task.entity';

export const TASK_MISSING = {
  id: 'Tugas itu tidak ditemukan atau tidak dapat Anda buka.',
  en: 'That task was not found or you cannot open it.',
};

/** The people a task names: its creator (and the official they acted for) and its assignees. */
export interface TaskPeople {
  task: TaskEntity;
  assigneeIds: string[];
}

/**
 * Who may see and move a task. A task is open to the people it names, to their Plh/Plt and to the leaders
 * above them in the chain of command (identity's access policy states that rule once).
 */
@Injectable()
export class TaskAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicyService,
    private readonly chain: ChainOfCommandService,
    private readonly people: PeopleDirectory,
  ) {}

  /** The task with its assignees, when the caller may read it; NOT_FOUND otherwise (its existence does not leak). */
  async readable(principal: Principal, taskId: string, loaders = new Loaders()): Promise<TaskPeople> {
    const found = isUuid(taskId) ? await this.dataSource.getRepository(TaskEntity).findOneBy({ id: taskId }) : null;
    if (!found) throw new AppError('NOT_FOUND', TASK_MISSING);
    const people = { task: found, assigneeIds: await this.assigneesOf(found.id) };
    if (!(await this.canRead(principal, people, loaders))) throw new AppError('NOT_FOUND', TASK_MISSING);
    return people;
  }

  /** Named on the task (or Plh/Plt of someone named), or a leader above someone named. */
  async canRead(principal: Principal, { task, assigneeIds }: TaskPeople, loaders = new Loaders()): Promise<boolean> {
    const named = [task.creatorId, ...(task.actingForId ? [task.actingForId] : []), ...assigneeIds];
    const viewers = await this.policy.viewerIds(principal, loaders);
    if (named.some((id) => viewers.includes(id))) return true;
    const leaders = await Promise.all(named.map((id) => this.chain.leadersAbove(id, loaders)));
    return leaders.flat().some((id) => viewers.includes(id));
  }

  /** Whether the caller (or an official whose Plh/Plt they hold) is the task's creator, and whether an assignee. */
  async roleOf(principal: Principal, { task, assigneeIds }: TaskPeople, loaders = new Loaders()) {
    const me = await this.policy.viewerIds(principal, loaders);
    return {
      creator: me.includes(task.creatorId) || (task.actingForId !== null && me.includes(task.actingForId)),
      assignee: assigneeIds.some((id) => me.includes(id)),
      viewerIds: me,
    };
  }

  /**
   * Who may be given work by the caller: themselves and everyone below them, or below an official whose
   * Plh/Plt they hold (then the task is created in that official's name). Returns the official acted for,
   * or null, and the ids outside the caller's reach.
   */
  async reach(
    principal: Principal,
    assigneeIds: readonly string[],
    loaders = new Loaders(),
  ): Promise<{ actingForId: string | null; outside: string[] }> {
    const others = assigneeIds.filter((id) => id !== principal.userId);
    if (!others.length) return { actingForId: null, outside: [] };
    const mine = await this.people.below(principal.userId, others);
    const outside = others.filter((id) => !mine.has(id));
    if (!outside.length) return { actingForId: null, outside: [] };
    for (const official of (await this.policy.viewerIds(principal, loaders)).slice(1)) {
      const theirs = await this.people.below(official, outside);
      if (outside.every((id) => theirs.has(id))) return { actingForId: official, outside: [] };
    }
    return { actingForId: null, outside };
  }

  private async assigneesOf(taskId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query('SELECT user_id FROM task_assignee WHERE task_id = $1', [taskId]);
    return rows.map((r) => r.user_id);
  }
}
