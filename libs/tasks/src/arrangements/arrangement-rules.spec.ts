import { firstSharedDate, weekOverLimit } from './arrangement-rules';

const p = (startsOn: string, endsOn: string, weekdays: number[]) => ({ startsOn, endsOn, weekdays });

describe('work arrangement rules', () => {
  it.each([
    // Monday 2026-12-07 .. Sunday 2026-12-13.
    ['disjoint periods', p('2026-12-07', '2026-12-13', [1]), p('2026-12-14', '2026-12-20', [1]), null],
    ['different weekdays', p('2026-12-07', '2026-12-31', [1]), p('2026-12-01', '2026-12-31', [2]), null],
    ['same weekday, overlapping periods', p('2026-12-07', '2026-12-31', [1, 3]), p('2026-12-01', '2026-12-10', [3]), '2026-12-09'],
    ['every day (TIME) against a Friday', p('2026-12-01', '2026-12-31', []), p('2026-12-10', '2026-12-20', [5]), '2026-12-11'],
  ])('%s share %p', (_, a, b, shared) => expect(firstSharedDate(a, b)).toBe(shared));

  it.each([
    ['two days alone', p('2026-12-07', '2026-12-31', [1, 2]), [], 2, null],
    ['three days alone', p('2026-12-07', '2026-12-31', [1, 2, 3]), [], 2, { week: '2026-12-07', weekdays: [1, 2, 3] }],
    ['one plus one approved', p('2026-12-07', '2026-12-31', [1]), [p('2026-12-01', '2026-12-31', [5])], 2, null],
    [
      'one plus two approved in a later week',
      p('2026-12-01', '2026-12-31', [1]),
      [p('2026-12-14', '2026-12-20', [4]), p('2026-12-15', '2026-12-31', [5])],
      2,
      { week: '2026-12-14', weekdays: [1, 4, 5] },
    ],
    // The request starts on a Thursday: its first week holds only Thursday and Friday of it.
    ['a week cut by the period', p('2026-12-10', '2026-12-13', [1, 4]), [p('2026-12-01', '2026-12-11', [5])], 2, null],
  ])('%s', (_, requested, approved, max, expected) => expect(weekOverLimit(requested, approved, max)).toEqual(expected));
});
