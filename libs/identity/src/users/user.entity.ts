import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PositionEntity } from '@gesit/organisation';
import type { Language } from '@gesit/platform';

const bigintAsNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A civil servant who signs in to Gesit. Holds at most one position, and a position has at most one holder. */
@Entity('app_user')
@Index('app_user_nip_key', ['nip'], { unique: true })
@Index('app_user_email_key', ['email'], { unique: true })
@Index('app_user_position_key', ['positionId'], { unique: true })
@Check('app_user_language_check', `"language" IN ('id', 'en')`)
@Check('app_user_roles_check', `cardinality("roles") > 0 AND "roles" <@ ARRAY['STAFF', 'LEADER', 'CLERK', 'ADMIN']::text[]`)
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { length: 18 })
  nip: string;

  @Column('text')
  name: string;

  /** Lower case. */
  @Column('text')
  email: string;

  /** Mobile number in international form without '+', e.g. 6281234567890: WhatsApp notifications go here. */
  @Column('text', { nullable: true })
  phone: string | null;

  /** Pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)": printed under the signer's name. */
  @Column('text', { nullable: true })
  rank: string | null;

  @Column('text', { array: true })
  roles: string[];

  /** 'id' or 'en': the language of the e-mail and WhatsApp notices this person receives. */
  @Column('text', { default: 'id' })
  language: Language;

  @Column('uuid', { nullable: true })
  @ForeignKey(() => PositionEntity)
  positionId: string | null;

  /** argon2id, with its parameters in the encoded hash. */
  @Column('text')
  passwordHash: string;

  @Column('boolean', { default: false })
  mfaEnabled: boolean;

  /** AES-256-GCM sealed base32 TOTP secret (see secret-box.ts); set once enrolment is confirmed. */
  @Column('text', { nullable: true })
  totpSecret: string | null;

  /** The secret of an enrolment begun and not yet confirmed. */
  @Column('text', { nullable: true })
  totpPendingSecret: string | null;

  /** The last 30-second step whose code was accepted: a code of this step or an earlier one is refused (replay). */
  @Column('bigint', { nullable: true, transformer: bigintAsNumber })
  totpLastTimeStep: number | null;

  @Column('int', { default: 0 })
  failedLoginCount: number;

  @Column('timestamptz', { nullable: true })
  failedLoginWindowStart: Date | null;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  /** Sign-in challenges issued before this are spent. */
  @Column('timestamptz', { nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
