/** Events the identity library hands to later contexts through the outbox (notifications tells the owner). */
export const IDENTITY_EVENTS_QUEUE = 'identity-events';

/** An account was locked after too many failed sign-ins; the owner is told, the one signing in is not. */
export const ACCOUNT_LOCKED_EVENT = 'user.locked';

export interface AccountLocked {
  userId: string;
  /** ISO time the lock ends. */
  until: string;
}
