import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuditService, inTransaction, SessionRevocations, unauthenticated } from '@gesit/platform';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { newRefreshToken, refreshTokenHash, SessionScope } from './tokens';

/**
 * How long a process trusts its last "this session is not revoked, and these are its user's roles" answer.
 * The process that revokes a session stops at once and tells the others over Redis (SessionRevocations),
 * who stop within moments; this time limit is the backstop when that message is lost.
 */
export const SESSION_CHECK_TTL_MS = 30_000;
const MAX_REMEMBERED_SESSIONS = 10_000;

export type RevokeReason = 'logout' | 'refresh-token-reused';

export interface Rotation {
  userId: string;
  sessionId: string;
  scope: SessionScope;
  refreshToken: string;
}

/** Who a live session belongs to, as the database says: an access token's own claims are not trusted for this. */
export interface SessionHolder {
  userId: string;
  scope: SessionScope;
  roles: string[];
}

type RotationOutcome = { kind: 'rotated'; rotation: Rotation } | { kind: 'refused' } | { kind: 'reused'; sessionId: string };

@Injectable()
export class SessionsService implements OnModuleInit {
  private readonly remembered = new Map<string, { holder: SessionHolder | null; at: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  /** A session revoked through another process is refused here as soon as its message arrives. */
  onModuleInit(): void {
    this.revocations.onRevoked((sessionId) => this.remember(sessionId, null));
    // Messages sent while this process was cut off from Redis are lost: ask the database again.
    this.revocations.onMissed(() => this.forgetActive());
  }

  /** Opens a session in the caller's transaction. Only a full session gets a refresh token: an enrolment-only one just ends. */
  async open(em: EntityManager, userId: string, scope: SessionScope): Promise<{ sessionId: string; refreshToken: string | null }> {
    const sessionId = randomUUID();
    await em.insert(SessionEntity, { id: sessionId, userId, scope, revokedAt: null, revokedReason: null });
    const refreshToken = scope === 'full' ? await this.issueRefreshToken(em, sessionId) : null;
    return { sessionId, refreshToken };
  }

  /**
   * Exchanges a refresh token for its successor. Presenting one that was already exchanged revokes the
   * whole family: either the client or a thief holds a copy, and we cannot tell which.
   */
  async rotate(token: string): Promise<Rotation> {
    const outcome = await inTransaction(this.dataSource, async (em): Promise<RotationOutcome> => {
      const row = await em.findOne(RefreshTokenEntity, {
        where: { tokenHash: refreshTokenHash(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { kind: 'refused' };
      const session = await em.findOneBy(SessionEntity, { id: row.sessionId });
      if (!session || session.revokedAt) return { kind: 'refused' };
      if (row.usedAt) {
        await this.revokeIn(em, session, 'refresh-token-reused', null);
        return { kind: 'reused', sessionId: session.id };
      }
      if (row.expiresAt <= new Date()) return { kind: 'refused' };
      await em.update(RefreshTokenEntity, { id: row.id }, { usedAt: new Date() });
      const refreshToken = await this.issueRefreshToken(em, session.id);
      return { kind: 'rotated', rotation: { userId: session.userId, sessionId: session.id, scope: session.scope, refreshToken } };
    });
    if (outcome.kind === 'rotated') return outcome.rotation;
    if (outcome.kind === 'reused') {
      await this.revocations.publish(outcome.sessionId);
      throw unauthenticated({
        id: 'Token penyegaran ini sudah pernah dipakai, jadi sesi diakhiri untuk melindungi akun. Masuk kembali.',
        en: 'This refresh token was already used, so the session has been ended to protect the account. Sign in again.',
      });
    }
    throw unauthenticated({
      id: 'Token penyegaran ini tidak berlaku lagi. Masuk kembali.',
      en: 'This refresh token is not valid any more. Sign in again.',
    });
  }

  async revoke(sessionId: string, reason: RevokeReason, actorId: string | null): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const session = await em.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (session && !session.revokedAt) await this.revokeIn(em, session, reason, actorId);
    });
    // Here at once (publish tells this process first), elsewhere as soon as Redis delivers it.
    await this.revocations.publish(sessionId);
  }

  /** The user, scope and current roles of a session whose access tokens are still good; null once revoked (see SESSION_CHECK_TTL_MS). */
  async holder(sessionId: string): Promise<SessionHolder | null> {
    const known = this.remembered.get(sessionId);
    if (known && (!known.holder || Date.now() - known.at < SESSION_CHECK_TTL_MS)) return known.holder;
    const [row]: { userId: string; scope: SessionScope; roles: string[] }[] = await this.dataSource.query(
      `SELECT s.user_id AS "userId", s.scope, u.roles
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL`,
      [sessionId],
    );
    const holder = row ? { userId: row.userId, scope: row.scope, roles: row.roles } : null;
    this.remember(sessionId, holder);
    return holder;
  }

  private async issueRefreshToken(em: EntityManager, sessionId: string): Promise<string> {
    const token = newRefreshToken();
    await em.insert(RefreshTokenEntity, {
      id: randomUUID(),
      sessionId,
      tokenHash: refreshTokenHash(token),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
      usedAt: null,
    });
    return token;
  }

  private async revokeIn(em: EntityManager, session: SessionEntity, reason: RevokeReason, actorId: string | null): Promise<void> {
    await em.update(SessionEntity, { id: session.id }, { revokedAt: new Date(), revokedReason: reason });
    await this.audit.record(em, {
      actorId,
      action: reason === 'logout' ? 'user.signed-out' : 'user.session-revoked',
      entityType: 'User',
      entityId: session.userId,
      change: { sessionId: session.id, reason },
    });
  }

  /** Forgets every "still active" answer, so each session is read again from the database. */
  private forgetActive(): void {
    for (const [sessionId, known] of this.remembered) if (known.holder) this.remembered.delete(sessionId);
  }

  private remember(sessionId: string, holder: SessionHolder | null): void {
    this.remembered.delete(sessionId);
    this.remembered.set(sessionId, { holder, at: Date.now() });
    // Oldest first: Map keeps insertion order.
    if (this.remembered.size > MAX_REMEMBERED_SESSIONS) this.remembered.delete(this.remembered.keys().next().value as string);
  }
}
