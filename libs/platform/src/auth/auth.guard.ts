import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, forbidden, unauthenticated } from '../errors/errors';
import { ALLOW_MFA_ENROLMENT, IS_PUBLIC, requestOf, REQUIRED_ROLES, RequestWithPrincipal } from './auth.decorators';
import { ACCESS_TOKEN_VERIFIER, AccessTokenVerifier, bearerToken, Principal } from './principal';

/** Authenticates every GraphQL operation and HTTP route unless marked @Public(), then checks @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier?: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = requestOf(context);
    const principal = await this.authenticate(request);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!principal) {
      const token = bearerToken(request.headers?.authorization);
      if (token && (await this.verifier?.expired(token))) {
        throw new AppError(
          'UNAUTHENTICATED',
          {
            id: 'Token akses Anda sudah kedaluwarsa: perbarui dengan refreshSession, atau masuk kembali.',
            en: 'Your access token has expired: renew it with refreshSession, or sign in again.',
          },
          {
            reason: 'TOKEN_EXPIRED',
          },
        );
      }
      throw unauthenticated({
        id: 'Masuk terlebih dahulu: ini memerlukan token akses yang berlaku (Authorization: Bearer …).',
        en: 'Sign in first: this needs a valid access token (Authorization: Bearer …).',
      });
    }
    if (principal.scope !== 'full' && !this.reflector.getAllAndOverride<boolean>(ALLOW_MFA_ENROLMENT, targets)) {
      throw forbidden({
        id: 'Peran Anda mewajibkan verifikasi dua langkah: siapkan dengan beginTotpEnrollment dan confirmTotpEnrollment, lalu masuk lagi.',
        en: 'Your role requires two-factor sign-in: set it up with beginTotpEnrollment and confirmTotpEnrollment, then sign in again.',
      });
    }
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((role) => principal.roles.includes(role))) {
      throw forbidden({ id: `Ini memerlukan peran ${roles.join(' atau ')}.`, en: `This needs the role ${roles.join(' or ')}.` });
    }
    return true;
  }

  /** Verifies the bearer token once per request. */
  async authenticate(request: RequestWithPrincipal): Promise<Principal | null> {
    if (request.principal !== undefined) return request.principal;
    const token = bearerToken(request.headers?.authorization);
    request.principal = token && this.verifier ? await this.verifier.verify(token) : null;
    return request.principal;
  }
}
