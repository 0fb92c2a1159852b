import { createHash } from 'node:crypto';

export interface AuditHashInput {
  id: string;
  at: Date;
  actorId: string | null;
  actingForId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change: unknown;
}

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Normalises a change to what JSON (and PostgreSQL jsonb) keeps: dates become ISO strings. */
export function normaliseChange(change: unknown): unknown {
  return change === undefined ? null : JSON.parse(JSON.stringify(change));
}

/**
 * The canonical event up to its id: the id is the last key in sorted order, so the canonical form is this
 * text, the id, and `"}`. The database appends the id it draws under the chain lock (audit_append()).
 */
export function auditCanonicalHead(event: Omit<AuditHashInput, 'id'>): string {
  const canonical = canonicalJson({
    at: event.at.toISOString(),
    actorId: event.actorId,
    actingForId: event.actingForId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    change: normaliseChange(event.change),
  });
  return `${canonical.slice(0, -1)},"id":"`;
}

/** hash = SHA-256(previous hash, canonical event): changing, removing or reordering any event breaks every later link. */
export function auditHash(prevHash: string | null, event: AuditHashInput): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(`${auditCanonicalHead(event)}${event.id}"}`)
    .digest('hex');
}
