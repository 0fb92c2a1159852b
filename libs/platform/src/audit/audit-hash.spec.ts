import { createHash } from 'node:crypto';
import { auditCanonicalHead, auditHash, canonicalJson, AuditHashInput } from './audit-hash';

const event: AuditHashInput = {
  id: '1',
  at: new Date('2026-11-27T08:30:00.000Z'),
  actorId: 'u1',
  actingForId: null,
  action: 'letter.registered',
  entityType: 'Letter',
  entityId: 'l1',
  change: { subject: 'Undangan rapat', addressees: ['a', 'b'] },
};

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, { d: 1, c: 2 }] } }, '{"z":{"x":[3,{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['teks', '"teks"'],
    [null, 'null'],
  ])('%j -> %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });
});

describe('auditHash', () => {
  it('does not depend on key order', () => {
    const reordered = { ...event, change: { addressees: ['a', 'b'], subject: 'Undangan rapat' } };
    expect(auditHash('p', reordered)).toBe(auditHash('p', event));
  });

  it.each([
    ['the previous hash', (e: AuditHashInput) => e, 'q'],
    ['the id', (e: AuditHashInput) => ({ ...e, id: '2' }), 'p'],
    ['the time', (e: AuditHashInput) => ({ ...e, at: new Date('2026-11-27T08:30:00.001Z') }), 'p'],
    ['the actor', (e: AuditHashInput) => ({ ...e, actorId: 'u2' }), 'p'],
    ['the acting-for official', (e: AuditHashInput) => ({ ...e, actingForId: 'u3' }), 'p'],
    ['the change', (e: AuditHashInput) => ({ ...e, change: { subject: 'Undangan rapat!' } }), 'p'],
  ])('changes when %s changes', (_what, mutate, prev) => {
    expect(auditHash(prev, mutate(event))).not.toBe(auditHash('p', event));
  });

  it('hashes the previous hash and the whole canonical event, of which the head is everything before the id', () => {
    const whole = canonicalJson({ ...event, at: event.at.toISOString() });
    expect(whole).toBe(`${auditCanonicalHead(event)}${event.id}"}`);
    expect(auditHash('p', event)).toBe(createHash('sha256').update(`p\n${whole}`).digest('hex'));
  });

  it('is a SHA-256 hex digest', () => {
    expect(auditHash(null, event)).toMatch(/^[0-9a-f]{64}$/);
  });
});
