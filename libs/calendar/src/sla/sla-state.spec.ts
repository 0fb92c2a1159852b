import { slaState, SlaState } from './sla-state';

const dueAt = new Date('2026-11-30T09:00:00Z');
const dueSoonAt = new Date('2026-11-27T15:00:00Z');
const at = (iso: string) => new Date(iso);

describe('slaState', () => {
  it.each([
    ['well before the reminder point', { completedAt: null }, '2026-11-27T08:00:00Z', SlaState.ON_TRACK],
    ['at the reminder point', { completedAt: null }, '2026-11-27T15:00:00Z', SlaState.DUE_SOON],
    ['exactly at the due time', { completedAt: null }, '2026-11-30T09:00:00Z', SlaState.DUE_SOON],
    ['a moment after the due time', { completedAt: null }, '2026-11-30T09:00:00.001Z', SlaState.OVERDUE],
    ['completed before the due time', { completedAt: at('2026-11-28T01:00:00Z') }, '2026-12-31T00:00:00Z', SlaState.MET],
    ['completed exactly at the due time', { completedAt: dueAt }, '2026-12-31T00:00:00Z', SlaState.MET],
    ['completed late', { completedAt: at('2026-11-30T10:00:00Z') }, '2026-12-01T00:00:00Z', SlaState.MISSED],
  ])('%s', (_case, extra, now, expected) => {
    expect(slaState({ dueAt, dueSoonAt, ...extra }, at(now))).toBe(expected);
  });

  it('without a reminder point is on track until due', () => {
    expect(slaState({ dueAt, dueSoonAt: null, completedAt: null }, at('2026-11-30T08:59:00Z'))).toBe(SlaState.ON_TRACK);
  });
});
