import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UnitEntity } from '@gesit/organisation';

/** A unit's format for outgoing letter numbers; units without one use their nearest ancestor's, then the default. */
@Entity('outgoing_number_format')
export class OutgoingNumberFormatEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => UnitEntity, { onDelete: 'CASCADE' })
  unitId: string;

  @Column('text')
  format: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
