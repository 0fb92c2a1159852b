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

/** Who a record is open to. */
export interface RecordAudience {
  /** Everyone named on it: addressees and assignees, who registered, drafted, reviewed or signed it. */
  namedUserIds: readonly string[];
  /** CONFIDENTIAL and SECRET records never go beyond the people named on them. */
  restricted: boolean;
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
    throw forbidden('You do not hold an active Plh/Plt delegation for that official right now.');
  }
  return { actorId: callerId, actingForId: actingForUserId, effectiveUserIds: [actingForUserId] };
}

/**
 * DESIGN.md's access rule: a viewer (the caller, or an official whose Plh/Plt the caller holds) reads a
 * record when named on it, or when a leader above someone named on it, unless the record is restricted.
 */
export function mayRead(viewerIds: readonly string[], record: RecordAudience, leadersAboveNamed: readonly string[]): boolean {
  if (record.namedUserIds.some((id) => viewerIds.includes(id))) return true;
  if (record.restricted) return false;
  return leadersAboveNamed.some((id) => viewerIds.includes(id));
}
