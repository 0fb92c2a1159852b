import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UnitEntity } from '../units/unit.entity';

/** A jabatan in a unit. Superiors form the chain of command; the holder is the user who has this position. */
@Entity('position')
@Index('position_unit_idx', ['unitId'])
@Index('position_superior_idx', ['superiorId'])
export class PositionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('uuid')
  @ForeignKey(() => UnitEntity)
  unitId: string;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => PositionEntity)
  superiorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
