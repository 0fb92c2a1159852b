import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@gesit/identity';

/** A message to one user: stored (the in-app list), pushed live, and sent by e-mail when configured. */
@Entity('notification')
@Index('notification_user_idx', ['userId', 'createdAt', 'id'])
// The delivery sweep reads the last day's notifications.
@Index('notification_created_idx', ['createdAt'])
// Unread ones per user, for the badge count: a partial index, written in the migration.
@Index('notification_unread_idx', { synchronize: false })
// Held deliveries, for the sweep that repairs one whose delayed job was lost with Redis.
@Index('notification_held_idx', ['heldUntil'], { where: 'held_until IS NOT NULL' })
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;

  @Column('text')
  kind: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  body: string | null;

  /** English twins of title and body, for a client that asks for English; null for notices written in Indonesian only. */
  @Column('text', { nullable: true })
  titleEn: string | null;

  @Column('text', { nullable: true })
  bodyEn: string | null;

  @Column('text', { nullable: true })
  entityType: string | null;

  @Column('text', { nullable: true })
  entityId: string | null;

  /** What the notification is about, e.g. `assignment-<id>-overdue-<due>`: a job that runs twice notifies once. */
  @Column('text', { nullable: true, unique: true })
  dedupeKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  /** Came outside the recipient's working hours: e-mail and WhatsApp wait until then (cleared once that delivery ran). */
  @Column('timestamptz', { nullable: true })
  heldUntil: Date | null;
}
