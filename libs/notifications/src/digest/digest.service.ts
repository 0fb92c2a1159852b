import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '@gesit/calendar';
import { LetterAudience, teamDigestSql } from '@gesit/correspondence';
import { PeopleDirectory } from '@gesit/identity';
import { inTransaction } from '@gesit/platform';
import { NotificationsService } from '../notifications.service';
import { digestDateAt, previousWorkingDate } from './digest-schedule';
import { DIGEST_EXAMPLES, DigestCategory, DigestContent, digestText } from './digest-texts';

interface DigestRow {
  leader_id: string;
  new_from: Date;
  category: DigestCategory;
  total: number;
  due_at: Date;
  hidden: boolean;
  number: string | null;
  agenda_number: string | null;
  subject: string | null;
  assignee_name: string | null;
}

interface DueLeader {
  id: string;
  timeZone: string;
  date: string;
  previous: string | null;
}

export const digestDedupeKey = (leaderId: string, localDate: string): string => `digest-${leaderId}-${localDate}`;

/**
 * The daily digest to every LEADER holding a position: from 07:00 on working days of their unit's
 * calendar, once per local date (the notification's dedupe key records that it was sent), with the new,
 * due-today and overdue dispositions of the leader and everyone below them.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly people: PeopleDirectory,
    private readonly audience: LetterAudience,
    private readonly notifications: NotificationsService,
  ) {}

  /** Sends the digests due at `now`; returns how many were sent. `leaderIds` limits the run to those leaders. */
  async run(now = new Date(), options: { leaderIds?: string[] } = {}): Promise<number> {
    const due = await this.dueLeaders(now, options.leaderIds);
    if (!due.length) return 0;
    const rows: DigestRow[] = await this.dataSource.query(teamDigestSql(this.audience), [
      due.map((l) => l.id),
      due.map((l) => l.timeZone),
      due.map((l) => l.date),
      due.map((l) => l.previous),
      now,
      DIGEST_EXAMPLES,
    ]);
    const byLeader = new Map<string, DigestRow[]>();
    for (const row of rows) byLeader.set(row.leader_id, [...(byLeader.get(row.leader_id) ?? []), row]);
    let sent = 0;
    for (const leader of due) {
      const leaderRows = byLeader.get(leader.id);
      if (!leaderRows) continue; // nothing new, due or late: no empty digest
      const content = this.content(leader, leaderRows);
      const id = await inTransaction(this.dataSource, (em) =>
        this.notifications.notify(em, {
          userId: leader.id,
          ...digestText(content),
          entityType: 'User',
          entityId: leader.id,
          dedupeKey: digestDedupeKey(leader.id, leader.date),
        }),
      );
      if (id) sent++;
    }
    if (sent) this.logger.log(`sent ${sent} daily digest(s)`);
    return sent;
  }

  /** Leaders whose unit calendar says a digest is due at `now`. */
  private async dueLeaders(now: Date, only?: string[]): Promise<DueLeader[]> {
    const leaders = await this.people.leaders(only);
    const perUnit = new Map<string, { timeZone: string; date: string; previous: string | null } | null>();
    for (const unitId of new Set(leaders.map((l) => l.unitId))) {
      const cal = await this.calendar.calendarFor(unitId);
      const date = digestDateAt(now, cal);
      perUnit.set(unitId, date ? { timeZone: cal.timeZone, date, previous: previousWorkingDate(date, cal) } : null);
    }
    const due = leaders.flatMap((l) => {
      const unit = perUnit.get(l.unitId);
      return unit ? [{ id: l.id, ...unit }] : [];
    });
    if (!due.length) return [];
    // A leader whose digest of that date went out already is left out (the notification's dedupe key records it).
    const sent: { dedupe_key: string }[] = await this.dataSource.query(
      'SELECT dedupe_key FROM notification WHERE dedupe_key = ANY($1::text[])',
      [due.map((l) => digestDedupeKey(l.id, l.date))],
    );
    const sentKeys = new Set(sent.map((r) => r.dedupe_key));
    return due.filter((l) => !sentKeys.has(digestDedupeKey(l.id, l.date)));
  }

  private content(leader: DueLeader, rows: DigestRow[]): DigestContent {
    const counts: Record<DigestCategory, number> = { new: 0, dueToday: 0, overdue: 0 };
    const examples: DigestContent['examples'] = { new: [], dueToday: [], overdue: [] };
    for (const r of rows) {
      counts[r.category] = r.total;
      examples[r.category].push({
        hidden: r.hidden,
        letterNumber: r.number,
        agendaNumber: r.agenda_number,
        subject: r.subject,
        assigneeName: r.assignee_name,
        dueAt: r.due_at,
      });
    }
    return { date: leader.date, timeZone: leader.timeZone, newSince: rows[0].new_from, counts, examples };
  }
}
