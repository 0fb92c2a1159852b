import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only, hash-chained record of every state change (a trigger refuses UPDATE and DELETE). */
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entityType', 'entityId', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('uuid', { nullable: true })
  actingForId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('text')
  entityId: string;

  @Column('jsonb', { nullable: true })
  change: unknown;

  @Column('char', { length: 64, nullable: true })
  prevHash: string | null;

  @Column('char', { length: 64 })
  hash: string;
}
