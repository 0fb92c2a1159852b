import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AppError, AuditService, inTransaction, OutboxService, type Principal, unauthenticated } from '@gesit/platform';
import { MfaService, REPLAYED } from '../mfa/mfa.service';
import { PasswordHasher } from '../users/password-hasher';
import { UserEntity } from '../users/user.entity';
import { mfaRequiredFor } from '../users/user-rules';
import { UsersService } from '../users/users.service';
import { AuthPayloadType } from './auth-payload.type';
import { IDENTITY_EVENTS } from '../identity-events';
import { afterFailure, CLEAR_FAILURES, isLocked, LOCKOUT } from './lockout';
import { SessionsService } from './sessions.service';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { readMfaChallenge, SessionScope, signAccessToken, signingKey, signMfaChallenge } from './tokens';

// One message for a wrong password, an unknown account and a locked one: none of them tells whether the account
// exists or is locked. The owner of a locked account learns of it through a notification (e-mail where configured).
const signInFailed = (): AppError =>
  unauthenticated({
    id: `Gagal masuk: periksa NIP atau alamat e-mail dan kata sandi Anda. Setelah ${LOCKOUT.maxFailures} kali gagal, akun dikunci selama ${LOCKOUT.lockMs / 60_000} menit.`,
    en: `Sign-in failed: check your NIP or e-mail address and your password. After ${LOCKOUT.maxFailures} failed attempts an account is locked for ${LOCKOUT.lockMs / 60_000} minutes.`,
  });
const codeRefused = (): AppError =>
  unauthenticated({
    id: 'Kode itu tidak berlaku: masukkan kode 6 angka yang sedang tampil di aplikasi autentikator atau kode pemulihan yang belum dipakai. (Setelah 5 kali gagal, akun dikunci selama 15 menit.)',
    en: 'That code is not valid: enter the current 6-digit code from your authenticator app or an unused recovery code. (After 5 failed attempts the account is locked for 15 minutes.)',
  });

const codeReplayed = (): AppError =>
  unauthenticated({
    id: 'Kode ini sudah dipakai. Tunggu sampai aplikasi autentikator menampilkan kode baru, lalu masukkan kode itu.',
    en: 'This code was already used. Wait until the authenticator app shows a new code, then enter that code.',
  });

type MfaOutcome =
  | { kind: 'signed-in'; user: UserEntity; sessionId: string; refreshToken: string | null }
  | { kind: 'refused' }
  | { kind: 'spent' }
  | { kind: 'replayed' };

@Injectable()
export class AuthService {
  private readonly key: Uint8Array;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly mfa: MfaService,
    private readonly limiter: SignInRateLimiter,
    private readonly outbox: OutboxService,
  ) {
    this.key = signingKey(config.jwtSecret);
  }

  async login(identifier: string, password: string, ip: string): Promise<AuthPayloadType> {
    await this.limiter.consume('login', ip, identifier);
    const now = new Date();
    const user = await this.users.findByIdentifier(identifier);
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || isLocked(user, now)) throw signInFailed();
    if (!passwordMatches) {
      await inTransaction(this.dataSource, async (em) => this.registerFailure(em, await this.lockUser(em, user.id), now));
      throw signInFailed();
    }
    if (user.mfaEnabled) {
      return { ...this.noTokens(), mfaRequired: true, mfaChallengeToken: await signMfaChallenge(this.key, user.id, now) };
    }
    const scope: SessionScope = mfaRequiredFor(user.roles, this.config.mfaRequiredRoles) ? 'mfa-enrolment' : 'full';
    const opened = await inTransaction(this.dataSource, async (em) =>
      this.signIn(em, await this.lockUser(em, user.id), scope, 'password', ip),
    );
    return this.payload(user, scope, opened);
  }

  async verifyMfa(challengeToken: string, code: string, ip: string): Promise<AuthPayloadType> {
    await this.limiter.consume('verify-mfa', ip);
    const challenge = await readMfaChallenge(this.key, challengeToken);
    if (!challenge)
      throw unauthenticated({
        id: 'Langkah masuk ini sudah kedaluwarsa atau tidak berlaku. Masuk lagi dengan kata sandi Anda.',
        en: 'This sign-in step has expired or is not valid. Sign in again with your password.',
      });
    const now = new Date();
    const outcome = await inTransaction(this.dataSource, async (em): Promise<MfaOutcome> => {
      const user = await em.findOne(UserEntity, { where: { id: challenge.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user?.mfaEnabled || isLocked(user, now)) return { kind: 'refused' };
      // A completed sign-in spends every challenge issued before it.
      if (user.lastSignInAt && user.lastSignInAt >= challenge.issuedAt) return { kind: 'spent' };
      const factor = await this.mfa.checkSecondFactor(em, user, code, now);
      if (factor === REPLAYED) return { kind: 'replayed' };
      if (!factor) {
        await this.registerFailure(em, user, now);
        return { kind: 'refused' };
      }
      return { kind: 'signed-in', user, ...(await this.signIn(em, user, 'full', factor, ip)) };
    });
    if (outcome.kind === 'spent')
      throw unauthenticated({
        id: 'Langkah masuk ini sudah diselesaikan. Masuk lagi dengan kata sandi Anda.',
        en: 'This sign-in step was already completed. Sign in again with your password.',
      });
    if (outcome.kind === 'refused') throw codeRefused();
    if (outcome.kind === 'replayed') throw codeReplayed();
    return this.payload(outcome.user, 'full', outcome);
  }

  async refresh(refreshToken: string): Promise<AuthPayloadType> {
    const rotation = await this.sessions.rotate(refreshToken);
    const user = await this.users.get(rotation.userId);
    // Roles may have changed since sign-in: one that now requires MFA without it gets an enrolment-only token.
    const scope: SessionScope = mfaRequiredFor(user.roles, this.config.mfaRequiredRoles) && !user.mfaEnabled ? 'mfa-enrolment' : 'full';
    return this.payload(user, scope, rotation);
  }

  async logout(caller: Principal): Promise<boolean> {
    if (caller.sessionId) await this.sessions.revoke(caller.sessionId, 'logout', caller.userId);
    return true;
  }

  private async signIn(
    em: EntityManager,
    user: UserEntity,
    scope: SessionScope,
    method: 'password' | 'totp' | 'recovery-code',
    ip: string,
  ): Promise<{ sessionId: string; refreshToken: string | null }> {
    await em.update(UserEntity, { id: user.id }, { ...CLEAR_FAILURES, lastSignInAt: new Date() });
    const opened = await this.sessions.open(em, user.id, scope);
    await this.audit.record(em, {
      actorId: user.id,
      action: 'user.signed-in',
      entityType: 'User',
      entityId: user.id,
      change: { sessionId: opened.sessionId, scope, method, ip },
    });
    return opened;
  }

  private async registerFailure(em: EntityManager, user: UserEntity, now: Date): Promise<void> {
    const { state, lockedNow } = afterFailure(user, now);
    await em.update(UserEntity, { id: user.id }, state);
    if (lockedNow) {
      await this.audit.record(em, {
        actorId: null,
        action: 'user.locked',
        entityType: 'User',
        entityId: user.id,
        change: { until: state.lockedUntil },
      });
      const until = (state.lockedUntil as Date).toISOString();
      await this.outbox.add(
        em,
        IDENTITY_EVENTS.job(
          'user.locked',
          { userId: user.id, until },
          { jobId: `user-${user.id}-locked-${(state.lockedUntil as Date).getTime()}` },
        ),
      );
    }
  }

  private async lockUser(em: EntityManager, userId: string): Promise<UserEntity> {
    const user = await em.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw signInFailed();
    return user;
  }

  private noTokens(): AuthPayloadType {
    return { accessToken: null, refreshToken: null, mfaRequired: false, mfaChallengeToken: null, user: null, mfaEnrolmentRequired: false };
  }

  private async payload(
    user: UserEntity,
    scope: SessionScope,
    session: { sessionId: string; refreshToken: string | null },
  ): Promise<AuthPayloadType> {
    const accessToken = await signAccessToken(
      this.key,
      { userId: user.id, roles: user.roles, scope, sessionId: session.sessionId },
      this.config.accessTokenTtlSeconds,
    );
    return { ...this.noTokens(), accessToken, refreshToken: session.refreshToken, user, mfaEnrolmentRequired: scope === 'mfa-enrolment' };
  }
}
