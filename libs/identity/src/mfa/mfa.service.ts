import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig, AuditService, badInput, conflict, findOrNotFound, inTransaction } from '@gesit/platform';
import { UserEntity } from '../users/user.entity';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { looksLikeRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';
import { deriveKey, keyedHash, open, seal } from './secret-box';
import { acceptTotp, isReplayedTotp, newTotpSecret, totpUri } from './totp';

export type SecondFactor = 'totp' | 'recovery-code';

/** A code that was right once but whose time step is spent: said so, and not counted as a failure. */
export const REPLAYED = 'replayed';

@Injectable()
export class MfaService {
  private readonly secretKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.secretKey = deriveKey(config.encryptionKey, 'totp-secret');
    this.recoveryKey = deriveKey(config.encryptionKey, 'recovery-code');
  }

  /** A new secret, kept (sealed) as pending until a code from it is confirmed. Starting again replaces it. */
  begin(userId: string): Promise<{ secret: string; otpauthUrl: string }> {
    return inTransaction(this.dataSource, async (em) => {
      const user = await this.lockUser(em, userId);
      if (user.mfaEnabled)
        throw conflict({
          id: 'Verifikasi dua langkah sudah aktif untuk akun ini.',
          en: 'Two-factor sign-in is already on for this account.',
        });
      const secret = newTotpSecret();
      await em.update(UserEntity, { id: user.id }, { totpPendingSecret: seal(this.secretKey, secret, user.id) });
      await this.audit.record(em, { actorId: user.id, action: 'user.mfa-enrolment-started', entityType: 'User', entityId: user.id });
      return { secret, otpauthUrl: totpUri(secret, user.nip) };
    });
  }

  /** Turns MFA on once a code from the pending secret checks out, and returns ten new recovery codes. */
  confirm(userId: string, code: string): Promise<string[]> {
    return inTransaction(this.dataSource, async (em) => {
      const user = await this.lockUser(em, userId);
      if (user.mfaEnabled)
        throw conflict({
          id: 'Verifikasi dua langkah sudah aktif untuk akun ini.',
          en: 'Two-factor sign-in is already on for this account.',
        });
      if (!user.totpPendingSecret)
        throw badInput({
          id: 'Mulai dengan beginTotpEnrollment, tambahkan kunci rahasianya ke aplikasi autentikator, lalu konfirmasi sebuah kode.',
          en: 'Start with beginTotpEnrollment, add the secret to your authenticator app, then confirm a code.',
        });
      const secret = open(this.secretKey, user.totpPendingSecret, user.id);
      const step = acceptTotp(secret, code.trim(), new Date(), null);
      if (step === null)
        throw badInput({
          id: 'Kode itu tidak cocok. Masukkan kode 6 angka yang tampil di aplikasi sekarang, dan periksa apakah jam ponsel sudah tepat.',
          en: 'That code does not match. Enter the 6-digit code the app shows now, and check that the phone clock is right.',
        });
      await em.update(
        UserEntity,
        { id: user.id },
        { mfaEnabled: true, totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastTimeStep: step },
      );
      const codes = newRecoveryCodes();
      await em.delete(RecoveryCodeEntity, { userId: user.id });
      await em.insert(
        RecoveryCodeEntity,
        codes.map((c) => ({
          id: randomUUID(),
          userId: user.id,
          codeHash: keyedHash(this.recoveryKey, normaliseRecoveryCode(c)),
          usedAt: null,
        })),
      );
      await this.audit.record(em, {
        actorId: user.id,
        action: 'user.mfa-enabled',
        entityType: 'User',
        entityId: user.id,
        change: { method: 'totp' },
      });
      return codes;
    });
  }

  /**
   * Checks a TOTP code (each time step once only) or an unused recovery code (once only), inside the
   * caller's transaction on a user row the caller has locked. A TOTP code of a step already used is REPLAYED.
   */
  async checkSecondFactor(em: EntityManager, user: UserEntity, code: string, now: Date): Promise<SecondFactor | typeof REPLAYED | null> {
    const given = code.trim();
    if (/^\d{6}$/.test(given)) {
      if (!user.totpSecret) return null;
      const secret = open(this.secretKey, user.totpSecret, user.id);
      const step = acceptTotp(secret, given, now, user.totpLastTimeStep);
      if (step === null) return isReplayedTotp(secret, given, now, user.totpLastTimeStep) ? REPLAYED : null;
      await em.update(UserEntity, { id: user.id }, { totpLastTimeStep: step });
      return 'totp';
    }
    if (!looksLikeRecoveryCode(given)) return null;
    const used = await em.update(
      RecoveryCodeEntity,
      { userId: user.id, codeHash: keyedHash(this.recoveryKey, normaliseRecoveryCode(given)), usedAt: IsNull() },
      { usedAt: now },
    );
    return used.affected ? 'recovery-code' : null;
  }

  private async lockUser(em: EntityManager, userId: string): Promise<UserEntity> {
    return findOrNotFound(em, UserEntity, userId, { id: 'Pengguna', en: 'User' }, { lock: true });
  }
}
