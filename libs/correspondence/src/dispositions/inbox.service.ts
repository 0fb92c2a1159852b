import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaState } from '@gesit/calendar';
import { AccessPolicyService } from '@gesit/identity';
import {
  decodeCursor,
  EntityColumns,
  Loaders,
  MICROSECOND_CURSOR,
  pageSize,
  Principal,
  toConnection,
  type ConnectionShape,
} from '@gesit/platform';
import { LetterEntity } from '../letters/letter.entity';
import { InboxFilter } from './inbox-filter.input';
import { likePattern } from '../letters/letters.service';
import { DispositionAssignmentEntity, DispositionEntity } from './disposition.entity';

/** SQL for each SLA state at `$now`, matching slaState() in @gesit/calendar. */
const SLA_STATE_SQL: Record<SlaState, string> = {
  [SlaState.ON_TRACK]: 'a.completed_at IS NULL AND a.due_at >= $now AND (a.due_soon_at IS NULL OR a.due_soon_at > $now)',
  [SlaState.DUE_SOON]: 'a.completed_at IS NULL AND a.due_at >= $now AND a.due_soon_at <= $now',
  [SlaState.OVERDUE]: 'a.completed_at IS NULL AND a.due_at < $now',
  [SlaState.MET]: 'a.completed_at <= a.due_at',
  [SlaState.MISSED]: 'a.completed_at > a.due_at',
};

/** The fields a client asked for at each level of an inbox page (see selectedFieldNames). */
export interface InboxSelection {
  node: Set<string>;
  disposition: Set<string>;
  letter: Set<string>;
}

/** Fields of each level that are not columns, and the columns they read; any other non-column field reads them all. */
const ASSIGNMENT_FIELDS: Record<string, string[]> = {
  __typename: [],
  slaState: ['dueAt', 'dueSoonAt', 'completedAt'],
  disposition: ['dispositionId'],
};
const DISPOSITION_FIELDS: Record<string, string[]> = { __typename: [], letter: ['letterId'] };
const LETTER_FIELDS: Record<string, string[]> = { __typename: [] };

function columnsFor<T extends object>(
  all: EntityColumns<T>,
  fields: Set<string> | undefined,
  derived: Record<string, string[]>,
): EntityColumns<T> {
  if (!fields) return all;
  return all.only([...fields].flatMap((field) => derived[field] ?? [field])) ?? all;
}

// The disposition and letter read with a page, for the field resolvers of that page only: they may hold
// only the selected columns, so they never go into the request's loaders. They ride on the row under a symbol
// (not a WeakMap: a lookup there cost more than the field it resolves, twice per row of every inbox page).
const JOINED = Symbol('joined with the inbox row');
type Joined<T, U> = T & { [JOINED]?: U };

/** The disposition read together with an inbox row, if it was. */
export const joinedDisposition = (assignment: DispositionAssignmentEntity): DispositionEntity | undefined =>
  (assignment as Joined<DispositionAssignmentEntity, DispositionEntity>)[JOINED];
/** The letter read together with an inbox row's disposition, if it was. */
export const joinedLetter = (disposition: DispositionEntity): LetterEntity | undefined =>
  (disposition as Joined<DispositionEntity, LetterEntity>)[JOINED];

@Injectable()
export class InboxService {
  private columns?: {
    assignment: EntityColumns<DispositionAssignmentEntity>;
    disposition: EntityColumns<DispositionEntity>;
    letter: EntityColumns<LetterEntity>;
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicyService,
  ) {}

  /**
   * The caller's assignments (or those of an official whose active Plh/Plt they hold), newest first.
   * Keyset pagination on (created_at, id): assignments arriving while a client pages sort before its
   * cursor, so pages neither repeat nor skip rows. The page, its dispositions and letters come in one
   * statement (only the columns `selection` needs, when given), so that the fields every inbox shows
   * cost no further round trip.
   */
  async inbox(
    principal: Principal,
    filter: InboxFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    loaders = new Loaders(),
    selection?: InboxSelection,
  ): Promise<ConnectionShape<DispositionAssignmentEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const context = await this.policy.actingContext(principal, filter?.actingForUserId ?? null, loaders);
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
    const all = (this.columns ??= {
      assignment: new EntityColumns(this.dataSource, DispositionAssignmentEntity, 'a'),
      disposition: new EntityColumns(this.dataSource, DispositionEntity, 'd'),
      letter: new EntityColumns(this.dataSource, LetterEntity, 'l'),
    });
    const assignmentColumns = columnsFor(all.assignment, selection?.node, ASSIGNMENT_FIELDS);
    const dispositionColumns =
      selection && !selection.node.has('disposition') ? null : columnsFor(all.disposition, selection?.disposition, DISPOSITION_FIELDS);
    const letterColumns =
      selection && !selection.disposition.has('letter') ? null : columnsFor(all.letter, selection?.letter, LETTER_FIELDS);
    // The limit is written into the text (pageSize is a bounded integer): as a parameter it keeps PostgreSQL from
    // using the prepared statement's generic plan, and the page would be planned again on every request.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${[assignmentColumns, dispositionColumns, letterColumns].flatMap((c) => (c ? [c.select] : [])).join(', ')},
              ${MICROSECOND_CURSOR('a.created_at')} AS "cursor"
         FROM disposition_assignment a
         JOIN disposition d ON d.id = a.disposition_id
         JOIN letter l ON l.id = a.letter_id
        WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ${size + 1}`,
      params,
    );
    const at = new Map<string, string>();
    const page = rows.map((row) => {
      const assignment = assignmentColumns.hydrate(row);
      at.set(assignment.id, row.cursor as string);
      if (dispositionColumns) {
        const disposition: Joined<DispositionEntity, LetterEntity> = dispositionColumns.hydrate(row);
        (assignment as Joined<DispositionAssignmentEntity, DispositionEntity>)[JOINED] = disposition;
        if (letterColumns) disposition[JOINED] = letterColumns.hydrate(row);
      }
      return assignment;
    });
    // Counting can cost more than the page; it runs only when the client asks for totalCount.
    const count = async () => {
      const join = filter?.search?.trim() ? 'JOIN letter l ON l.id = a.letter_id' : '';
      const [{ count: total }] = await this.dataSource.query(
        `SELECT count(*)::int AS count FROM disposition_assignment a ${join} WHERE ${countWhere}`,
        countParams,
      );
      return total as number;
    };
    return toConnection(page, size, count, (a) => [at.get(a.id)!, a.id]);
  }
}
