/**
 * The events the identity library hands to later contexts through the outbox, on one queue: the event
 * name is the job name, and `IdentityEvents` gives each its payload. Notifications consumes them.
 */
export const IDENTITY_EVENTS_QUEUE = 'identity-events';

/** An account was locked after too many failed sign-ins; the owner is told, the one signing in is not. */
export const ACCOUNT_LOCKED_EVENT = 'user.locked';

export interface AccountLocked {
  userId: string;
  /** ISO time the lock ends. */
  until: string;
}

/** A Plh/Plt was appointed: the official and the appointee are told. */
export const DELEGATION_CREATED_JOB = 'delegation.created';

export interface DelegationCreatedEvent {
  delegationId: string;
}

export interface IdentityEvents {
  [ACCOUNT_LOCKED_EVENT]: AccountLocked;
  [DELEGATION_CREATED_JOB]: DelegationCreatedEvent;
}
