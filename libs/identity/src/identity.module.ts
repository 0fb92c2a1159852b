import { Global, Module } from '@nestjs/common';
import { ACCESS_TOKEN_VERIFIER, lazyTotalCountResolver } from '@gesit/platform';
import { OrganisationModule } from '@gesit/organisation';
import { AccessPolicyService } from './delegation/access-policy.service';
import { ChainOfCommandService } from './directory/chain-of-command.service';
import { AuditActorResolver } from './audit/audit-actor.resolver';
import { JwtAccessTokenVerifier } from './auth/access-token.verifier';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionsService } from './auth/sessions.service';
import { SignInRateLimiter } from './auth/sign-in-rate-limiter';
import { DemoOrganisationSeeder } from './bootstrap/demo-organisation.seeder';
import { IdentityBootstrap } from './bootstrap/identity-bootstrap.service';
import { DelegationsResolver } from './delegation/delegations.resolver';
import { DelegationsService } from './delegation/delegations.service';
import { PeopleResolver } from './directory/people.resolver';
import { PeopleDirectory } from './directory/people.directory';
import { ContactVisibility } from './directory/contact-visibility';
import { PeopleService } from './directory/people.service';
import { PersonConnection } from './directory/person-connection.type';
import { MfaResolver } from './mfa/mfa.resolver';
import { MfaService } from './mfa/mfa.service';
import { PasswordHasher } from './users/password-hasher';
import { PositionHolderResolver } from './users/position-holder.resolver';
import { UsersResolver } from './users/users.resolver';
import { UsersService } from './users/users.service';

/**
 * Users, sign-in, MFA, delegation and the access policy. Global, so that the platform's AuthGuard and
 * subscription authentication find ACCESS_TOKEN_VERIFIER, and every capability finds AccessPolicyService.
 */
@Global()
@Module({
  imports: [OrganisationModule],
  providers: [
    PasswordHasher,
    UsersService,
    SessionsService,
    SignInRateLimiter,
    MfaService,
    AuthService,
    DelegationsService,
    ChainOfCommandService,
    AccessPolicyService,
    PeopleService,
    PeopleDirectory,
    ContactVisibility,
    DemoOrganisationSeeder,
    IdentityBootstrap,
    JwtAccessTokenVerifier,
    { provide: ACCESS_TOKEN_VERIFIER, useExisting: JwtAccessTokenVerifier },
    UsersResolver,
    PositionHolderResolver,
    AuthResolver,
    MfaResolver,
    DelegationsResolver,
    AuditActorResolver,
    PeopleResolver,
    lazyTotalCountResolver(PersonConnection),
  ],
  exports: [
    ACCESS_TOKEN_VERIFIER,
    UsersService,
    ChainOfCommandService,
    AccessPolicyService,
    DelegationsService,
    PeopleService,
    PeopleDirectory,
    DemoOrganisationSeeder,
    OrganisationModule,
  ],
})
export class IdentityModule {}
