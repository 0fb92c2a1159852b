import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LetterEntity, SecurityLevel } from '@gesit/correspondence';
import { AppConfig, RateLimiter } from '@gesit/platform';
import { DocumentVerificationType, NOT_GENUINE } from './document-verification.type';
import { normaliseVerificationCode } from './verification-code';

export interface Verification {
  result: DocumentVerificationType;
  /** The signing office's zone, for showing the time. */
  timeZone: string;
}

/** Public answers to "did Gesit sign this?", by printed code or by the file itself. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one check (a GraphQL verifyDocument field, each alias too, a verification page, an uploaded
   * PDF) against the caller's address: anyone may check, nobody may enumerate codes.
   */
  limit(ip: string | undefined): Promise<void> {
    return this.limiter.consume(
      'verify',
      ip ?? 'unknown',
      this.config.verifyRateLimitPerMinute,
      (seconds) => `Terlalu banyak pemeriksaan dokumen dari alamat jaringan Anda. Coba lagi dalam ${seconds} detik.`,
    );
  }

  byCode(code: string): Promise<Verification> {
    const normalised = normaliseVerificationCode(code ?? '');
    if (!/^[A-Z2-7]{16}$/.test(normalised)) return Promise.resolve({ result: NOT_GENUINE, timeZone: 'Asia/Jakarta' });
    return this.find('l.verification_code = :value', normalised);
  }

  /** Whether this exact file is a letter Gesit signed; streams, so a large upload never sits in memory. */
  async byFile(file: NodeJS.ReadableStream): Promise<Verification> {
    const hash = createHash('sha256');
    for await (const chunk of file) hash.update(chunk as Buffer);
    return this.find('l.signed_sha256 = :value', hash.digest('hex'));
  }

  private async find(condition: string, value: string): Promise<Verification> {
    const row = await this.dataSource
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .innerJoin('unit', 'u', 'u.id = l.unit_id')
      .addSelect('u.timezone', 'timezone')
      .where(`${condition} AND l.signed_at IS NOT NULL`, { value })
      .getRawAndEntities();
    const letter = row.entities[0];
    if (!letter) return { result: NOT_GENUINE, timeZone: 'Asia/Jakarta' };
    return {
      timeZone: row.raw[0].timezone,
      result: {
        valid: true,
        number: letter.number,
        subject: letter.securityLevel === SecurityLevel.PUBLIC ? letter.subject : null,
        signedAt: letter.signedAt,
        signerName: letter.signerName,
        signerPosition: letter.signerPosition,
        sha256: letter.signedSha256,
      },
    };
  }
}
