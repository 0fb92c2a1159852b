import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { SessionScope } from './tokens';

/** One sign-in: its access tokens carry its id (sid), its refresh tokens form one family. Revoking it ends both. */
@Entity('auth_session')
@Index('auth_session_user_idx', ['userId'])
@Check('auth_session_scope_check', `"scope" IN ('full', 'mfa-enrolment')`)
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey(() => UserEntity)
  userId: string;

  @Column('text')
  scope: SessionScope;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  /** logout, refresh-token-reused, mfa-enrolled. */
  @Column('text', { nullable: true })
  revokedReason: string | null;
}
