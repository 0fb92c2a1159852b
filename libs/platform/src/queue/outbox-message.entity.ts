import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A job that a committed state change asked for; the relay hands it to BullMQ. */
@Entity('outbox')
@Index('outbox_pending_idx', ['createdAt'], { where: 'sent_at IS NULL' })
@Index('outbox_pending_job_idx', ['jobId'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  queue: string;

  @Column('text')
  name: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  /** Deterministic BullMQ job id (e.g. `assignment-<id>-due-<time>`); the row id when null. */
  @Column('text', { nullable: true })
  jobId: string | null;

  /** Earliest time the job may run (a delayed job). */
  @Column('timestamptz', { nullable: true })
  runAt: Date | null;

  /** BullMQ priority (lower goes first; none goes before any): what may wait behind what. */
  @Column('integer', { nullable: true })
  priority: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
