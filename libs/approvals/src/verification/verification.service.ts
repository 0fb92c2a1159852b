import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type FindOptionsWhere, In, IsNull, Not } from 'typeorm';
import { LetterEntity, SecurityLevel } from '@gesit/correspondence';
import { FilesService, StoredFileEntity } from '@gesit/files';
import { DEFAULT_TIME_ZONE, UnitEntity, UnitsService } from '@gesit/organisation';
import { AppConfig, RateLimiter } from '@gesit/platform';
import { LetterTemplateEntity } from '../composition/letter-template.entity';
import { type OutgoingLetter, OutgoingLetterEntity } from '../outgoing/outgoing-letter.entity';
import { signatureDigests } from '../pdf/pdf-signatures';
import { verificationCodeIn } from '../pdf/pdf-support';
import { DocumentVerificationType, NOT_GENUINE, VerificationResult } from './document-verification.type';
import { normaliseVerificationCode } from './verification-code';

/** The institution as the verification page shows it: the top unit's name and, when its template has one, its logo. */
export interface Issuer {
  name: string;
  logo: { bytes: Buffer; contentType: string } | null;
}

export interface Verification {
  result: DocumentVerificationType;
  /** The signing office's zone, for showing the time. */
  timeZone: string;
  issuer: Issuer | null;
}

const UNKNOWN: Verification = { result: NOT_GENUINE, timeZone: DEFAULT_TIME_ZONE, issuer: null };

/** Public answers to "did Gesit sign this?", by printed code or by the file itself. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly units: UnitsService,
    private readonly files: FilesService,
  ) {}

  /**
   * Counts one check (a GraphQL verifyDocument field, each alias too, a verification page, an uploaded
   * PDF) against the caller's address: anyone may check, nobody may enumerate codes.
   */
  limit(ip: string | undefined): Promise<void> {
    return this.limiter.consume('verify', ip ?? 'unknown', this.config.verifyRateLimitPerMinute, (seconds) => ({
      id: `Terlalu banyak pemeriksaan dokumen dari alamat jaringan Anda. Coba lagi dalam ${seconds} detik.`,
      en: `Too many document checks from your network address. Try again in ${seconds} seconds.`,
    }));
  }

  /** A printed code names a letter Gesit signed (GENUINE) or none (UNKNOWN); the code alone says nothing about a file. */
  async byCode(code: string): Promise<Verification> {
    const normalised = normaliseVerificationCode(code ?? '');
    if (!/^[A-Z2-7]{16}$/.test(normalised)) return UNKNOWN;
    const letter = await this.signedLetter({ verificationCode: normalised });
    return letter ? this.describe(letter, VerificationResult.GENUINE) : UNKNOWN;
  }

  /**
   * GENUINE when these are the very bytes Gesit signed; ALTERED when the file carries the signature of a
   * letter Gesit signed (kept by an incremental update) or its verification code (in its keywords, which
   * editors keep) but its bytes differ; else UNKNOWN.
   */
  async byFile(file: NodeJS.ReadableStream): Promise<Verification> {
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const genuine = await this.signedLetter({ signedSha256: createHash('sha256').update(bytes).digest('hex') });
    if (genuine) return this.describe(genuine, VerificationResult.GENUINE);
    const signatures = signatureDigests(bytes);
    const signedBy = signatures.length ? await this.signedLetter({ signatureSha256: In(signatures) }) : null;
    if (signedBy) return this.describe(signedBy, VerificationResult.ALTERED);
    const code = await verificationCodeIn(bytes);
    const claimed = code ? await this.signedLetter({ verificationCode: code }) : null;
    return claimed ? this.describe(claimed, VerificationResult.ALTERED) : UNKNOWN;
  }

  private async signedLetter(where: FindOptionsWhere<OutgoingLetterEntity>): Promise<OutgoingLetter | null> {
    const outgoing = await this.dataSource.getRepository(OutgoingLetterEntity).findOneBy({ ...where, signedAt: Not(IsNull()) });
    if (!outgoing) return null;
    return { outgoing, letter: await this.dataSource.getRepository(LetterEntity).findOneByOrFail({ id: outgoing.letterId }) };
  }

  private async describe({ letter, outgoing }: OutgoingLetter, result: VerificationResult): Promise<Verification> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneByOrFail({ id: letter.unitId });
    const issuer = await this.issuerOf(unit.id);
    return {
      timeZone: unit.timezone,
      issuer,
      result: {
        valid: result === VerificationResult.GENUINE,
        result,
        issuer: issuer.name,
        number: letter.number,
        subject: letter.securityLevel === SecurityLevel.PUBLIC ? letter.subject : null,
        signedAt: outgoing.signedAt,
        signerName: outgoing.signerName,
        signerPosition: outgoing.signerPosition,
        sha256: outgoing.signedSha256,
      },
    };
  }

  /** The top unit above the signing office, and the logo of its letter template when one is set. */
  private async issuerOf(unitId: string): Promise<Issuer> {
    const ancestry = await this.units.ancestry(unitId);
    const topId = ancestry[ancestry.length - 1];
    const top = await this.dataSource.getRepository(UnitEntity).findOneByOrFail({ id: topId });
    const template = await this.dataSource
      .getRepository(LetterTemplateEntity)
      .createQueryBuilder('t')
      .where('t.unit_id = :unitId AND t.logo_file_id IS NOT NULL', { unitId: topId })
      .orderBy('t.updated_at', 'DESC')
      .getOne();
    const logoFile = template?.logoFileId
      ? await this.dataSource.getRepository(StoredFileEntity).findOneBy({ id: template.logoFileId })
      : null;
    return { name: top.name, logo: logoFile ? { bytes: await this.files.readBytes(logoFile), contentType: logoFile.contentType } : null };
  }
}
