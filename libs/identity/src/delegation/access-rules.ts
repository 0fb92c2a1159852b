import { forbidden } from '@gesit/platform';

/** Who is acting, and in whose name. Every action records both (AuditRecord.actorId / actingForId). */
export interface ActingContext {
  /** The caller. */
  actorId: string;
  /** The official whose active Plh/Plt the caller holds and acts for; null when acting as themselves. */
  actingForId: string | null;
  /** Whose records this context reaches: the official's when acting for one, else the caller's. */
  effectiveUserIds: string[];
}

/**
 * The context for acting as oneself, or for `actingForUserId` when the caller holds that official's
 * active delegation (`officialsActedFor`, evaluated now). Outside the window nothing carries over.
 */
export function actingContextFor(
  callerId: string,
  actingForUserId: string | null | undefined,
  officialsActedFor: readonly string[],
): ActingContext {
  if (!actingForUserId || actingForUserId === callerId) return { actorId: callerId, actingForId: null, effectiveUserIds: [callerId] };
  if (!officialsActedFor.includes(actingForUserId)) {
    throw forbidden({
      id: 'Saat ini Anda tidak memegang pelimpahan Plh/Plt yang berlaku dari pejabat itu.',
      en: 'You do not hold an active Plh/Plt delegation for that official right now.',
    });
  }
  return { actorId: callerId, actingForId: actingForUserId, effectiveUserIds: [actingForUserId] };
}
