import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SlaState } from '@gesit/calendar';
import { AccessPolicyService } from '@gesit/identity';
import { decodeCursor, MICROSECOND_CURSOR, pageSize, Principal, toConnection, type ConnectionShape } from '@gesit/platform';
import { InboxFilter } from '../letters/letter.types';
import { likePattern } from '../letters/letters.service';
import { DispositionAssignmentEntity } from './disposition.entity';

/** SQL for each SLA state at `$now`, matching slaState() in @gesit/calendar. */
const SLA_STATE_SQL: Record<SlaState, string> = {
  [SlaState.ON_TRACK]: 'a.completed_at IS NULL AND a.due_at >= $now AND (a.due_soon_at IS NULL OR a.due_soon_at > $now)',
  [SlaState.DUE_SOON]: 'a.completed_at IS NULL AND a.due_at >= $now AND a.due_soon_at <= $now',
  [SlaState.OVERDUE]: 'a.completed_at IS NULL AND a.due_at < $now',
  [SlaState.MET]: 'a.completed_at <= a.due_at',
  [SlaState.MISSED]: 'a.completed_at > a.due_at',
};

@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicyService,
  ) {}

  /**
   * The caller's assignments (or those of an official whose active Plh/Plt they hold), newest first.
   * Keyset pagination on (created_at, id): assignments arriving while a client pages sort before its
   * cursor, so pages neither repeat nor skip rows.
   */
  async inbox(
    principal: Principal,
    filter: InboxFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<DispositionAssignmentEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const context = await this.policy.actingContext(principal, filter?.actingForUserId ?? null);
    const owner = context.actingForId ?? principal.userId;
    const params: unknown[] = [owner];
    const where = ['a.assignee_id = $1', 'a.cancelled_at IS NULL'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter?.status?.length) add('a.status = ANY(?)', filter.status);
    if (filter?.urgency?.length) add('a.urgency = ANY(?)', filter.urgency);
    if (filter?.slaState?.length) {
      params.push(new Date());
      const now = `$${params.length}::timestamptz`;
      where.push(`(${filter.slaState.map((state) => `(${SLA_STATE_SQL[state].replaceAll('$now', now)})`).join(' OR ')})`);
    }
    if (filter?.search?.trim())
      add('(l.subject ILIKE ? OR l.number ILIKE ? OR l.agenda_number ILIKE ? OR l.sender_name ILIKE ?)', likePattern(filter.search));
    const countWhere = where.join(' AND ');
    const countParams = [...params];
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(size + 1);
    const ids: { id: string; at: string }[] = await this.dataSource.query(
      `SELECT a.id, ${MICROSECOND_CURSOR('a.created_at')} AS at FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id
        WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const rows = await this.dataSource.getRepository(DispositionAssignmentEntity).findBy({ id: In(ids.map((r) => r.id)) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const at = new Map(ids.map((r) => [r.id, r.at]));
    const ordered = ids.map((r) => byId.get(r.id)).filter((a): a is DispositionAssignmentEntity => Boolean(a));
    // Counting can cost more than the page; it runs only when the client asks for totalCount.
    const count = async () => {
      const join = filter?.search?.trim() ? 'JOIN letter l ON l.id = a.letter_id' : '';
      const [{ count: total }] = await this.dataSource.query(
        `SELECT count(*)::int AS count FROM disposition_assignment a ${join} WHERE ${countWhere}`,
        countParams,
      );
      return total as number;
    };
    return toConnection(ordered, size, count, (a) => [at.get(a.id)!, a.id]);
  }
}
