import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Urgency } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';
import { UnitEntity } from '@gesit/organisation';
import { ClassificationCodeEntity } from '../classification/classification-code.entity';
import { LetterDirection, LetterKind, LetterStatus, SecurityLevel } from './letter.enums';

/** An official letter (naskah dinas), incoming or outgoing. */
@Entity('letter')
@Index('letter_unit_created_idx', ['unitId', 'createdAt', 'id'])
@Index('letter_created_by_idx', ['createdById'])
// Partial unique indexes written in the migration: one registration per (sender, number, date) of an
// incoming letter, one agenda number per unit, and one number per unit for outgoing letters.
@Index('letter_incoming_identity_uq', { synchronize: false })
@Index('letter_agenda_number_uq', { synchronize: false })
@Index('letter_outgoing_number_uq', { synchronize: false })
// Trigram indexes written in the migration: the registry's search matches anywhere in these columns.
@Index('letter_subject_trgm_idx', { synchronize: false })
@Index('letter_number_trgm_idx', { synchronize: false })
@Index('letter_agenda_number_trgm_idx', { synchronize: false })
@Index('letter_sender_name_trgm_idx', { synchronize: false })
export class LetterEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  direction: LetterDirection;

  @Column('text')
  kind: LetterKind;

  @Column('text')
  status: LetterStatus;

  @Column('text', { nullable: true })
  number: string | null;

  @Column('text', { nullable: true })
  agendaNumber: string | null;

  @Column('text')
  subject: string;

  @Column('date', { nullable: true })
  letterDate: string | null;

  @Column('text', { nullable: true })
  senderName: string | null;

  @Column('text')
  @ForeignKey(() => ClassificationCodeEntity)
  classificationCode: string;

  @Column('text')
  securityLevel: SecurityLevel;

  @Column('text')
  urgency: Urgency;

  @Column('timestamptz', { nullable: true })
  receivedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  dueAt: Date | null;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  createdById: string;

  /** The unit that registered (incoming) or drafted (outgoing) it. */
  @Column('uuid')
  @ForeignKey(() => UnitEntity)
  unitId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('letter_file')
export class LetterFileEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @PrimaryColumn('uuid')
  @Index('letter_file_file_idx')
  @ForeignKey(() => StoredFileEntity)
  fileId: string;

  @Column('int')
  position: number;
}

@Entity('letter_addressee')
export class LetterAddresseeEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @PrimaryColumn('uuid')
  @Index('letter_addressee_user_idx')
  @ForeignKey(() => UserEntity)
  userId: string;
}

/** Officials inside Gesit an outgoing letter is sent to; each gets it in their inbox once it is signed. */
@Entity('letter_recipient')
export class LetterRecipientEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @PrimaryColumn('uuid')
  @Index('letter_recipient_user_idx')
  @ForeignKey(() => UserEntity)
  userId: string;
}

/** The letter's own story, shown as its timeline (the audit log holds the same facts, hash-chained). */
@Entity('letter_event')
@Index('letter_event_letter_idx', ['letterId', 'id'])
export class LetterEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('uuid', { nullable: true })
  actingForId: string | null;

  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  note: string | null;

  /** What the step changed, as the audit event records it: the timeline's sentence is written from it when read. */
  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;
}

/** Gapless per-unit, per-year counters (agenda numbers, outgoing letter numbers). */
@Entity('number_sequence')
export class NumberSequenceEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => UnitEntity)
  unitId: string;

  @PrimaryColumn('int')
  year: number;

  @PrimaryColumn('text')
  kind: string;

  @Column('int')
  lastValue: number;
}
