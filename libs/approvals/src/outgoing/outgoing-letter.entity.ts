import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LetterEntity } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { UserEntity } from '@gesit/identity';

/** What only an outgoing letter has: its draft, its chain's signer choice, and what signing printed and stored. */
@Entity('outgoing_letter')
@Index('outgoing_letter_verification_code_key', ['verificationCode'], { unique: true })
@Index('outgoing_letter_signed_sha256_idx', ['signedSha256'])
@Index('outgoing_letter_signature_sha256_idx', ['signatureSha256'])
export class OutgoingLetterEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => LetterEntity, { onDelete: 'CASCADE' })
  letterId: string;

  /** The draft's revision, raised by every reviseDraft. */
  @Column('int', { default: 1 })
  revision: number;

  /** The uploaded PDF of the current revision; null for a composed letter. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  draftFileId: string | null;

  /** The official above the signer in whose name (a.n.) the signer signs. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => UserEntity)
  onBehalfOfId: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  externalRecipients: string[];

  /** The incoming letter this one answers. */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => LetterEntity)
  replyToLetterId: string | null;

  /** The stamped, signed PDF (written once, under object lock). */
  @Column('uuid', { nullable: true })
  @ForeignKey(() => StoredFileEntity)
  signedFileId: string | null;

  @Column('timestamptz', { nullable: true })
  signedAt: Date | null;

  /** hex SHA-256 of the signed PDF, for verification by file. */
  @Column('text', { nullable: true })
  signedSha256: string | null;

  /** hex SHA-256 of the CMS signature inside the signed PDF: names the letter in a copy changed after signing. */
  @Column('text', { nullable: true })
  signatureSha256: string | null;

  /** Printed under the QR code; at least 64 random bits. */
  @Column('text', { nullable: true })
  verificationCode: string | null;

  /** As printed on the signed letter, so that verification shows what was signed even after people move. */
  @Column('text', { nullable: true })
  signerName: string | null;

  @Column('text', { nullable: true })
  signerPosition: string | null;
}

/** An outgoing letter: the shared letter row and the part approvals owns. */
export interface OutgoingLetter {
  letter: LetterEntity;
  outgoing: OutgoingLetterEntity;
}
