import { DEMO_TARGETS, DEMO_TASKS, DEMO_TEAMS, demoReports } from './demo-hybrid-work';

describe('demo hybrid work', () => {
  it('gives a working week of reports before today, the last two waiting for review', () => {
    // Wednesday 2 December 2026: the week before runs from Wednesday 25 November to Tuesday 1 December.
    const reports = demoReports('2026-12-02', true);
    expect(reports.map((r) => [r.date, r.status, r.workMode])).toEqual([
      ['2026-11-25', 'APPROVED', 'OFFICE'],
      ['2026-11-26', 'APPROVED', 'OFFICE'],
      ['2026-11-27', 'APPROVED', 'HOME'],
      ['2026-11-30', 'SUBMITTED', 'OFFICE'],
      ['2026-12-01', 'SUBMITTED', 'OFFICE'],
    ]);
    expect(reports[0].entries.reduce((sum, e) => sum + e.minutes, 0)).toBe(450);
  });

  it('refers only to seeded people and to targets that exist', () => {
    const staff = new Set(DEMO_TEAMS.map((t) => t.staff));
    for (const task of DEMO_TASKS) {
      expect(staff.has(task.staff)).toBe(true);
      if (task.target !== null) expect(DEMO_TARGETS[task.staff][task.target]).toBeDefined();
    }
  });
});
