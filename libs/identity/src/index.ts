export { IdentityModule } from './identity.module';
export { Role } from './users/role';
export { UserEntity } from './users/user.entity';
export { UserType } from './users/user.type';
export { UsersService } from './users/users.service';
export { parseNip, type NipParts } from './users/nip';
export { SessionEntity } from './auth/session.entity';
export { RefreshTokenEntity } from './auth/refresh-token.entity';
export { RecoveryCodeEntity } from './mfa/recovery-code.entity';
export { DelegationEntity } from './delegation/delegation.entity';
export { DelegationKind } from './delegation/delegation-kind';
export { DelegationsService } from './delegation/delegations.service';
export { PeopleService } from './directory/people.service';
export { type DelegationNotice } from './delegation/delegation-events';
export { ChainOfCommandService } from './access/chain-of-command.service';
export { AccessPolicyService } from './access/access-policy.service';
export { type ActingContext, type RecordAudience } from './access/access-rules';
export { DemoOrganisationSeeder, type SeededDemoAccount } from './bootstrap/demo-organisation.seeder';
export {
  IDENTITY_EVENTS_QUEUE,
  ACCOUNT_LOCKED_EVENT,
  DELEGATION_CREATED_JOB,
  type AccountLocked,
  type DelegationCreatedEvent,
  type IdentityEvents,
} from './identity-events';
