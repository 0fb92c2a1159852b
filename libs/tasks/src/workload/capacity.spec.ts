import { withOverrides } from '@gesit/calendar';
import { hoursOverride } from '../shared/personal-calendars.service';
import { arrangedMode, capacityMinutes, planningDays, reportDaysThisWeek, TimeArrangement } from './capacity';

const cal = { timeZone: 'Asia/Jakarta', weekdays: [1, 2, 3, 4, 5], holidays: new Set(['2026-12-03']), startMinute: 450, endMinute: 960 };
const time = (startsOn: string, endsOn: string, weekdays: number[], startTime: string, endTime: string): TimeArrangement => ({
  kind: 'TIME',
  workMode: null,
  weekdays,
  startTime,
  endTime,
  startsOn,
  endsOn,
});

describe('workload capacity', () => {
  it.each([
    // Tuesday 1 Dec; Thursday 3 Dec is a holiday.
    ['2026-12-01', ['2026-12-01', '2026-12-02', '2026-12-04', '2026-12-07', '2026-12-08']],
    // From a Saturday: Monday on.
    ['2026-12-05', ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']],
  ])('planning days from %s', (today, days) => expect(planningDays(today, cal)).toEqual(days));

  it.each([
    ['unit hours only', [], 5 * 510],
    ['a TIME arrangement on Mondays 06:30-14:00', [time('2026-12-01', '2026-12-31', [1], '06:30', '14:00')], 4 * 510 + 450],
    ['a shorter TIME arrangement every day', [time('2026-12-01', '2026-12-02', [], '08:00', '12:00')], 2 * 240 + 3 * 510],
  ])('%s', (_, arrangements, minutes) => {
    const own = withOverrides(
      cal,
      arrangements.map((a) => hoursOverride({ ...a, startTime: a.startTime!, endTime: a.endTime! })),
    );
    expect(capacityMinutes(planningDays('2026-12-01', own), own)).toBe(minutes);
  });

  it('reads the work mode today from an approved LOCATION arrangement on its weekdays', () => {
    const home: TimeArrangement = {
      kind: 'LOCATION',
      workMode: 'HOME',
      weekdays: [2],
      startTime: null,
      endTime: null,
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
    };
    expect(arrangedMode('2026-12-01', [home])).toBe('HOME');
    expect(arrangedMode('2026-12-02', [home])).toBeNull();
  });

  it('counts the working days of the week before today', () => {
    expect(reportDaysThisWeek('2026-11-30', '2026-12-04', cal)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });
});
