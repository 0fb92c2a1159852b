import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService, type HoursOverride, parseClock, type UnitCalendar, withOverrides } from '@gesit/calendar';
import { PeopleDirectory } from '@gesit/identity';

/** An approved TIME arrangement as the calendar needs it. */
export interface ShiftedHours {
  startsOn: string;
  endsOn: string;
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}

/** A TIME arrangement's hours as an override of the unit calendar for its period. */
export function hoursOverride(a: ShiftedHours): HoursOverride {
  return { from: a.startsOn, to: a.endsOn, weekdays: a.weekdays, startMinute: parseClock(a.startTime), endMinute: parseClock(a.endTime) };
}

/**
 * A person's working calendar: their unit's, with the hours of their approved TIME arrangements for the
 * arrangements' periods. Their own due times, reminders and capacity are counted in it.
 */
@Injectable()
export class PersonalCalendars {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly people: PeopleDirectory,
  ) {}

  async of(userId: string, em?: EntityManager): Promise<UnitCalendar> {
    return (await this.many([userId], em)).get(userId)!;
  }

  /** The calendars of `userIds` (someone without a position gets the default calendar). */
  async many(userIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, UnitCalendar>> {
    const placed = await this.people.placed(userIds, em);
    const shifts: (ShiftedHours & { userId: string })[] = await em.query(
      `SELECT user_id AS "userId", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
              weekdays, start_time AS "startTime", end_time AS "endTime"
         FROM work_arrangement
        WHERE kind = 'TIME' AND status = 'APPROVED' AND user_id = ANY($1::uuid[]) AND start_time IS NOT NULL AND end_time IS NOT NULL
        ORDER BY created_at`,
      [userIds],
    );
    const calendars = new Map<string, UnitCalendar>();
    for (const userId of userIds) {
      const unit = await this.calendar.calendarFor(placed.get(userId)?.unitId ?? null, em);
      calendars.set(userId, withOverrides(unit, shifts.filter((s) => s.userId === userId).map(hoursOverride)));
    }
    return calendars;
  }
}
