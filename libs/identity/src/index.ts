export { IdentityModule } from './identity.module';
export { Role } from './users/role';
export { UserEntity } from './users/user.entity';
export { UserType } from './users/user.type';
export { UserLanguage } from './users/user-language';
export { UsersService } from './users/users.service';
export { parseNip, type NipParts } from './users/nip';
export { SessionEntity } from './auth/session.entity';
export { RefreshTokenEntity } from './auth/refresh-token.entity';
export { RecoveryCodeEntity } from './mfa/recovery-code.entity';
export { DelegationEntity } from './delegation/delegation.entity';
export { DelegationKind } from './delegation/delegation-kind';
export { DelegationsService } from './delegation/delegations.service';
export { PeopleService } from './directory/people.service';
export { PeopleDirectory, type PlacedUser } from './directory/people.directory';
export {
  BELOW_USER_IDS,
  PLACED_USERS,
  READERS_NOW_SQL,
  USERS_SHOWN,
  belowUserCte,
  teamCte,
  unitSubtreeCte,
  type Readers,
} from './directory/people.sql';
export { type DelegationNotice } from './delegation/delegation-events';
export { ChainOfCommandService } from './directory/chain-of-command.service';
export { AccessPolicyService } from './delegation/access-policy.service';
export { type ActingContext } from './delegation/access-rules';
export { DemoOrganisationSeeder, type SeededDemoAccount } from './bootstrap/demo-organisation.seeder';
// Who the demo organisation seats where: the demo data of later contexts (tasks, archive) is keyed by it.
export { DEMO_PEOPLE, type DemoPerson } from './bootstrap/demo-organisation';
export { IDENTITY_EVENTS, type IdentityEvents, type AccountLocked, type DelegationCreated } from './identity-events';
