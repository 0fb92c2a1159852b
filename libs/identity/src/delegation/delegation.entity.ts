import { Check, Column, CreateDateColumn, Entity, Exclusion, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { DelegationKind } from './delegation-kind';

/**
 * A Plh/Plt appointment: `toUserId` acts in the name of `fromUserId` from `startsAt` until (not
 * including) `endsAt`. The database refuses two unrevoked delegations of one official whose windows overlap.
 */
@Entity('delegation')
@Index('delegation_to_idx', ['toUserId', 'startsAt'])
@Index('delegation_from_idx', ['fromUserId', 'startsAt'])
@Check('delegation_window_check', '"ends_at" > "starts_at"')
@Check('delegation_not_self_check', '"from_user_id" <> "to_user_id"')
@Check('delegation_kind_check', `"kind" IN ('PLH', 'PLT')`)
@Exclusion(
  'delegation_no_overlap',
  'USING gist ("from_user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("revoked_at" IS NULL)',
)
export class DelegationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: DelegationKind;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  fromUserId: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  toUserId: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  revokedById: string | null;
}
