import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AllowDuringMfaEnrolment, CurrentUser, type GraphqlContext, type Principal, Public } from '@gesit/platform';
import { AuthPayloadType } from './auth-payload.type';
import { AuthService } from './auth.service';
import { LoginInput, VerifyMfaInput } from './login.input';

/** The peer's address, or what X-Forwarded-For says when the peer is one of TRUSTED_PROXIES (Fastify's trustProxy). */
function clientIp(ctx: GraphqlContext): string {
  return (ctx.req as unknown as { ip?: string }).ip ?? 'unknown';
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadType, { description: 'Signs in with NIP or e-mail and password; with MFA on, continue with verifyMfa.' })
  @Public()
  login(@Args('input') input: LoginInput, @Context() ctx: GraphqlContext): Promise<AuthPayloadType> {
    return this.auth.login(input.identifier, input.password, clientIp(ctx));
  }

  @Mutation(() => AuthPayloadType)
  @Public()
  verifyMfa(@Args('input') input: VerifyMfaInput, @Context() ctx: GraphqlContext): Promise<AuthPayloadType> {
    return this.auth.verifyMfa(input.challengeToken, input.code, clientIp(ctx));
  }

  @Mutation(() => AuthPayloadType, { description: 'Exchanges a refresh token for a new access token and a new refresh token.' })
  @Public()
  refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayloadType> {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session: its access and refresh tokens stop working.' })
  @AllowDuringMfaEnrolment()
  logout(@CurrentUser() caller: Principal): Promise<boolean> {
    return this.auth.logout(caller);
  }
}
