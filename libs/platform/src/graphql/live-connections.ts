import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_VERIFIER, type AccessTokenVerifier, type Principal } from '../auth/principal';
import { SessionRevocations } from '../auth/session-revocations';

/** What a subscription connection needs to be closed: the WebSocket of graphql-ws. */
export interface ClosableSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** graphql-ws close codes: the client should sign in again (expired) or stop (revoked). */
export const EXPIRED_CLOSE = { code: 4401, reason: 'Token akses kedaluwarsa; sambung ulang dengan token baru.' };
export const REVOKED_CLOSE = { code: 4403, reason: 'Sesi telah berakhir; masuk kembali.' };

interface Tracked {
  socket: ClosableSocket;
  sessionId: string;
  token: string;
  expiry: NodeJS.Timeout | null;
}

/** The milliseconds until a token's `exp`; null when it carries none. */
export function millisecondsLeft(token: string, now = Date.now()): number | null {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 - now : null;
  } catch {
    return null;
  }
}

/**
 * Open subscription connections of this API process, by session: a connection is closed when its
 * session is revoked (in any process: SessionRevocations), when its access token expires (the client
 * reconnects with a fresh one), and when a periodic re-check no longer accepts its token.
 */
@Injectable()
export class LiveConnections implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveConnections.name);
  private readonly bySession = new Map<string, Set<Tracked>>();
  private readonly sockets = new WeakSet<ClosableSocket>();
  private stopListening: (() => void) | null = null;
  private recheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
    @Optional() @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier?: AccessTokenVerifier,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.revocations.onRevoked((sessionId) => this.closeSession(sessionId, REVOKED_CLOSE));
    this.recheck = setInterval(() => void this.recheckAll(), this.config.subscriptionSessionCheckSeconds * 1000);
    this.recheck.unref();
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    if (this.recheck) clearInterval(this.recheck);
    for (const tracked of [...this.bySession.values()].flatMap((set) => [...set])) if (tracked.expiry) clearTimeout(tracked.expiry);
    this.bySession.clear();
  }

  /** Follows a connection authenticated as `principal` with `token`; once per socket. */
  track(socket: ClosableSocket, principal: Principal, token: string): void {
    if (!principal.sessionId || this.sockets.has(socket)) return;
    this.sockets.add(socket);
    const tracked: Tracked = { socket, sessionId: principal.sessionId, token, expiry: null };
    const left = millisecondsLeft(token);
    if (left !== null) {
      // setTimeout holds at most 2^31-1 ms; tokens live minutes.
      tracked.expiry = setTimeout(() => this.close(tracked, EXPIRED_CLOSE), Math.max(0, Math.min(left, 2 ** 31 - 1)));
      tracked.expiry.unref();
    }
    const set = this.bySession.get(tracked.sessionId) ?? new Set<Tracked>();
    set.add(tracked);
    this.bySession.set(tracked.sessionId, set);
    socket.once('close', () => this.forget(tracked));
  }

  private closeSession(sessionId: string, why: { code: number; reason: string }): void {
    for (const tracked of this.bySession.get(sessionId) ?? []) this.close(tracked, why);
  }

  private async recheckAll(): Promise<void> {
    if (!this.verifier) return;
    for (const set of [...this.bySession.values()]) {
      const [first] = set;
      if (!first) continue;
      try {
        if (!(await this.verifier.verify(first.token))) for (const tracked of [...set]) this.close(tracked, REVOKED_CLOSE);
      } catch (error) {
        this.logger.warn(`subscription session re-check failed: ${(error as Error).message}`);
      }
    }
  }

  private close(tracked: Tracked, why: { code: number; reason: string }): void {
    this.forget(tracked);
    tracked.socket.close(why.code, why.reason);
  }

  private forget(tracked: Tracked): void {
    if (tracked.expiry) clearTimeout(tracked.expiry);
    const set = this.bySession.get(tracked.sessionId);
    set?.delete(tracked);
    if (set && !set.size) this.bySession.delete(tracked.sessionId);
  }
}
