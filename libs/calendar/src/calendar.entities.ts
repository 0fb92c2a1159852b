import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum HolidayKind {
  NATIONAL = 'NATIONAL',
  COLLECTIVE_LEAVE = 'COLLECTIVE_LEAVE',
  REGIONAL = 'REGIONAL',
}

export enum Urgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  VERY_URGENT = 'VERY_URGENT',
}

/** A day off: national holidays and cuti bersama for everyone, regional ones for a unit and its sub-units. */
@Entity('holiday')
// Unique (date, kind, unit) with NULLS NOT DISTINCT, written in the migration (TypeORM cannot express it).
@Index('holiday_day_uq', { synchronize: false })
@Check('holiday_regional_has_unit', `(kind = 'REGIONAL') = (unit_id IS NOT NULL)`)
export class HolidayEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('date')
  date: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: HolidayKind;

  @Column('uuid', { nullable: true })
  unitId: string | null;
}

/** Working days and hours of a unit; the row without a unit is the organisation's default. */
@Entity('working_hours')
// One row per unit and one default row (unit NULL): a unique index with NULLS NOT DISTINCT, in the migration.
@Index('working_hours_unit_uq', { synchronize: false })
export class WorkingHoursEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  unitId: string | null;

  @Column('int', { array: true })
  weekdays: number[];

  @Column('text')
  start: string;

  @Column('text')
  end: string;
}

@Entity('sla_policy')
export class SlaPolicyEntity {
  @PrimaryColumn('text')
  urgency: Urgency;

  @Column('int')
  workingHours: number;

  @Column('float8')
  remindAtFraction: number;

  @Column('int')
  escalateEveryWorkingHours: number;
}
