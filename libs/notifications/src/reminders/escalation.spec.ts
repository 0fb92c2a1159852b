import { escalationStep } from './escalation';

// Mon–Fri 08:00–16:00 WIB, no holidays: 2026-12-01 is a Tuesday.
const calendar = {
  timeZone: 'Asia/Jakarta',
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 8 * 60,
  endMinute: 16 * 60,
  holidays: new Set<string>(),
};
const due = new Date('2026-12-01T07:00:00Z'); // Tuesday 14:00 WIB
const chain = ['kabid', 'sekretaris', 'kadis'];

describe('escalationStep', () => {
  it.each([
    ['level 1 goes to the nearest leader; level 2 one working day of 8 hours later', 1, 8, 'kabid', '2026-12-02T07:00:00.000Z'],
    ['level 2 follows twice the interval after the due time', 2, 8, 'sekretaris', '2026-12-03T07:00:00.000Z'],
    ['the top of the chain is told, and nothing follows', 3, 8, 'kadis', null],
    ['past the top nobody is told', 4, 8, null, null],
    ['a short interval stays within the day', 1, 1, 'kabid', '2026-12-01T08:00:00.000Z'],
    ['an interval crossing the evening continues the next morning', 1, 4, 'kabid', '2026-12-02T03:00:00.000Z'],
  ] as const)('%s', (_case, level, hours, recipient, next) => {
    const step = escalationStep(chain, level, due, hours, calendar);
    expect(step.recipient).toBe(recipient);
    expect(step.next?.toISOString() ?? null).toBe(next);
  });

  it('skips the weekend', () => {
    const friday = new Date('2026-12-04T08:00:00Z'); // Friday 15:00 WIB
    expect(escalationStep(chain, 1, friday, 2, calendar).next?.toISOString()).toBe('2026-12-07T02:00:00.000Z'); // Monday 09:00
  });

  it('has no next level for an assignee whose only leader is told', () => {
    expect(escalationStep(['kadis'], 1, due, 8, calendar)).toEqual({ recipient: 'kadis', next: null });
  });
});
