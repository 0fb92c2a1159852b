import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@gesit/identity';

/** The channels one person chose for one kind of notification; without a row the kind's default applies. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  userId: string;

  @PrimaryColumn('text')
  kind: string;

  /** NotificationChannelKind values. */
  @Column('text', { array: true })
  channels: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
