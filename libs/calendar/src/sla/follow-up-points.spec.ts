import { followUpPoints } from './follow-up-points';

const due = new Date('2026-12-01T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('followUpPoints', () => {
  it.each([
    [
      'a reminder before the due time, then the due notice',
      at('2026-12-01T06:00:00Z'),
      ['remind@2026-12-01T06:00:00.000Z', 'due@2026-12-01T09:00:00.000Z'],
    ],
    ['no reminder when the due-soon point is the due time', due, ['due@2026-12-01T09:00:00.000Z']],
    ['no reminder when the due-soon point lies after the due time', at('2026-12-01T10:00:00Z'), ['due@2026-12-01T09:00:00.000Z']],
    ['no reminder without a due-soon point', null, ['due@2026-12-01T09:00:00.000Z']],
  ] as const)('%s', (_case, dueSoonAt, expected) => {
    expect(followUpPoints(due, dueSoonAt).map((p) => `${p.purpose}@${p.at.toISOString()}`)).toEqual(expected);
  });
});
