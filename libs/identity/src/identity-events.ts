import { defineQueue } from '@gesit/platform';

/** An account was locked after too many failed sign-ins; the owner is told, the one signing in is not. */
export interface AccountLocked {
  userId: string;
  /** ISO time the lock ends. */
  until: string;
}

/** A Plh/Plt was appointed: the official and the appointee are told. */
export interface DelegationCreated {
  delegationId: string;
}

/** The events identity hands to later contexts through the outbox: event name → payload. */
export interface IdentityEvents {
  'user.locked': AccountLocked;
  'delegation.created': DelegationCreated;
}

/** One queue carries them; notifications consumes it. */
export const IDENTITY_EVENTS = defineQueue<IdentityEvents>('identity-events');
