import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../errors/errors';
import type { Principal } from './principal';

export const IS_PUBLIC = 'gesit:public';
export const REQUIRED_ROLES = 'gesit:roles';
export const ALLOW_MFA_ENROLMENT = 'gesit:mfa-enrolment';

/** No access token needed (login, public verification). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles. */
export const Roles = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** Also open to a token that may only enrol MFA. */
export const AllowDuringMfaEnrolment = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOW_MFA_ENROLMENT, true);

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal | null;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal; principal?: Principal }>();
    // Subscriptions authenticate once, in connection_init, and carry the principal in their context.
    if (gql.principal) return { headers: {}, principal: gql.principal };
    return gql.req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** The authenticated caller; the guard has already refused anonymous requests. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw unauthenticated();
  return principal;
});
