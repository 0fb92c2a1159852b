import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BULK_KINDS,
  checkPreference,
  deliveryLane,
  deliveryPriority,
  effectiveChannels,
  NOTIFICATION_KINDS,
  NotificationChannelKind as C,
} from './notification-kinds';

describe('notification channels per kind', () => {
  it.each([
    ['nothing chosen: in Gesit and by e-mail', 'letter.signed', null, [C.IN_APP, C.EMAIL]],
    ['a choice is kept, in a fixed order', 'letter.signed', [C.WHATSAPP, C.EMAIL], [C.EMAIL, C.WHATSAPP]],
    ['everything off for news', 'letter.signed', [], []],
    ['work to do stays in Gesit', 'disposition.received', [C.WHATSAPP], [C.IN_APP, C.WHATSAPP]],
    ['work to do with nothing else', 'approval.waiting', [], [C.IN_APP]],
    ['a kind unknown to the catalogue (older rows) gets the default', 'REMINDER', null, [C.IN_APP, C.EMAIL]],
    ['a channel no longer known is dropped', 'letter.signed', ['SMS', 'EMAIL'], [C.EMAIL]],
  ])('%s', (_case, kind, chosen, channels) => {
    expect(effectiveChannels(kind, chosen as string[] | null)).toEqual(channels);
  });

  it('stores a choice without duplicates and with IN_APP for work', () => {
    expect(checkPreference('approval.returned', [C.EMAIL, C.EMAIL])).toEqual([C.IN_APP, C.EMAIL]);
    expect(checkPreference('assignment.withdrawn', [])).toEqual([]);
  });

  it('refuses an unknown kind in Indonesian, listing the known ones', () => {
    expect(() => checkPreference('disposisi', [C.EMAIL])).toThrow(/Jenis notifikasi "disposisi" tidak dikenal.*disposition\.received/);
  });
});

describe('delivery lanes', () => {
  const libs = join(__dirname, '..', '..', '..');

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  }

  /** Every kind the code base notifies with: a notice written as `kind: '…', title: …` (or `...texts`), or a `…_KIND = '…'` constant. */
  const sent = [
    ...new Set(
      sources(libs).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/kind: '([^']+)',\s*(?:title\b|\.\.\.)|_KIND = '([^']+)'/g)].map((m) => m[1] ?? m[2]),
      ),
    ),
  ];

  it('finds every catalogued kind among them: the scan sees the notices of every context', () => {
    expect([...sent].sort()).toEqual(NOTIFICATION_KINDS.map((k) => k.kind).sort());
  });

  it('knows the lane of every kind the code base sends, so that a new kind is put in one on purpose', () => {
    const catalogued = new Set(NOTIFICATION_KINDS.map((k) => k.kind));
    expect(sent.filter((kind) => !catalogued.has(kind))).toEqual([]);
  });

  it.each([
    ['disposition.received', 'interactive'],
    ['approval.waiting', 'interactive'],
    ['approval.returned', 'interactive'],
    ['task.assigned', 'interactive'],
    ['ACCOUNT_LOCKED', 'interactive'],
    ['digest.daily', 'bulk'],
    ['assignment.due-soon', 'bulk'],
    ['approval.overdue', 'bulk'],
    ['task.escalated', 'bulk'],
    ['daily-report.missing', 'bulk'],
    ['REMINDER', 'interactive'],
  ])('%s goes in the %s lane', (kind, lane) => {
    expect(deliveryLane(kind)).toBe(lane);
  });

  it('gives bulk deliveries a BullMQ priority and interactive ones none, which BullMQ takes first', () => {
    expect(deliveryPriority('digest.daily')).toBeGreaterThan(0);
    expect(deliveryPriority('disposition.received')).toBeUndefined();
    expect(BULK_KINDS).toContain('task.overdue');
    expect(BULK_KINDS).not.toContain('approval.waiting');
  });
});
