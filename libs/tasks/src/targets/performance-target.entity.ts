import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@gesit/identity';

/** Rencana hasil kerja: a result a person committed to in their SKP for a year. */
@Entity('performance_target')
@Index('performance_target_user_year_idx', ['userId', 'year'])
export class PerformanceTargetEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;

  @Column('int')
  year: number;

  @Column('text')
  title: string;

  @Column('text')
  indicator: string;

  @Column('int', { nullable: true })
  targetQuantity: number | null;

  @Column('text', { nullable: true })
  unitOfMeasure: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
