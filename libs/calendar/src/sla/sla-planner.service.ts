import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar.service';
import { Urgency } from '../calendar.entities';

/** The two SLA points of a piece of work: due, and the earlier due-soon point where a reminder goes out. */
export interface SlaPlan {
  dueAt: Date;
  dueSoonAt: Date;
}

/** Plans SLAs from the policy of the work's urgency, in the working calendar of the unit that does the work. */
@Injectable()
export class SlaPlanner {
  constructor(private readonly calendar: CalendarService) {}

  /**
   * Due and due-soon instants of work of `urgency` that starts at `start` in unit `unitId`, never later than
   * `limit` (a parent's due time). Inside a transaction pass its `em`, so that a cold calendar cache reads through it.
   */
  async plan(unitId: string | null, urgency: Urgency, start: Date, limit?: Date | null, em?: EntityManager): Promise<SlaPlan> {
    const policy = await this.calendar.policy(urgency, em);
    let dueAt = await this.calendar.dueAt(start, policy.workingHours, unitId, em);
    if (limit && dueAt > limit) dueAt = limit;
    let dueSoonAt = await this.calendar.dueAt(start, policy.workingHours * policy.remindAtFraction, unitId, em);
    if (dueSoonAt > dueAt) dueSoonAt = dueAt;
    return { dueAt, dueSoonAt };
  }
}
