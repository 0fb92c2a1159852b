import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A one-time code for signing in without the authenticator; stored as a keyed hash only. */
@Entity('recovery_code')
@Index('recovery_code_user_hash_key', ['userId', 'codeHash'], { unique: true })
export class RecoveryCodeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;

  @Column('char', { length: 64 })
  codeHash: string;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
