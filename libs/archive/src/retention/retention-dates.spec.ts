import { RecordPhase } from '../archive.enums';
import { addYears, dayStartIn, needsNationalApproval, phaseOn, retentionDates } from './retention-dates';

describe('retention dates', () => {
  it.each([
    ['2026-11-30', 2, '2028-11-30'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-01-01', 0, '2026-01-01'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('counts the inactive period from the end of the active one', () => {
    expect(retentionDates('2026-11-30', { activeYears: 2, inactiveYears: 3 })).toEqual({
      activeUntil: '2028-11-30',
      inactiveUntil: '2031-11-30',
    });
  });

  it.each([
    ['2027-01-01', RecordPhase.ACTIVE],
    ['2028-11-30', RecordPhase.INACTIVE],
    ['2031-11-29', RecordPhase.INACTIVE],
    ['2031-11-30', RecordPhase.DUE_FOR_DISPOSAL],
  ])('on %s a dossier closed on 2026-11-30 (2+3 years) is %s', (today, phase) => {
    expect(phaseOn(today, { activeUntil: '2028-11-30', inactiveUntil: '2031-11-30' })).toBe(phase);
  });

  it.each([
    [{ activeYears: 2, inactiveYears: 3 }, false],
    [{ activeYears: 5, inactiveYears: 5 }, true],
    [{ activeYears: 1, inactiveYears: 8 }, false],
  ])('%j needs the national archive: %s', (schedule, expected) => {
    expect(needsNationalApproval(schedule)).toBe(expected);
  });
});

describe('dayStartIn', () => {
  it.each([
    ['2026-12-01', 'Asia/Jakarta', '2026-11-30T17:00:00.000Z'],
    ['2026-12-01', 'Asia/Makassar', '2026-11-30T16:00:00.000Z'],
    ['2026-12-01', 'Asia/Jayapura', '2026-11-30T15:00:00.000Z'],
    ['2026-12-01', 'UTC', '2026-12-01T00:00:00.000Z'],
  ])('%s begins in %s at %s', (date, zone, instant) => {
    expect(dayStartIn(date, zone).toISOString()).toBe(instant);
  });
});
