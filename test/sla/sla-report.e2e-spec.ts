import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { createPerson, createUnit, Person } from '../harness/org';

const REPORT = `query($unitId: ID!, $from: DateTime!, $to: DateTime!, $sub: Boolean) {
  slaReport(unitId: $unitId, from: $from, to: $to, includeSubunits: $sub) {
    unit { id } total completedOnTime completedLate openOnTrack openDueSoon openOverdue onTimeRate
    medianCompletionWorkingHours p90CompletionWorkingHours
    byAssignee { assignee { id } open overdue completedOnTime completedLate medianCompletionWorkingHours }
    bySubunit { unit { id } total open overdue completedOnTime completedLate onTimeRate }
  }
}`;
const PERIOD = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

/**
 * A known data set, written straight into the tables so every instant is fixed:
 *   top unit T (leader, a4) ─ C1 (a1) ─ G1 (a2)
 *                          └ C2 (a3, leaderC2)
 */
describe('slaReport', () => {
  let api: TestApi;
  let admin: string;
  let units: Record<'T' | 'C1' | 'G1' | 'C2', string>;
  let people: Record<'leader' | 'a1' | 'a2' | 'a3' | 'a4' | 'leaderC2' | 'clerk', Person>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    const T = await createUnit(api, admin, { name: 'Dinas Laporan' });
    const C1 = await createUnit(api, admin, { name: 'Bidang Satu', parentId: T });
    const G1 = await createUnit(api, admin, { name: 'Seksi Satu', parentId: C1 });
    const C2 = await createUnit(api, admin, { name: 'Bidang Dua', parentId: T });
    units = { T, C1, G1, C2 };
    const leader = await createPerson(api, admin, { name: 'Kepala', roles: ['LEADER'], unitId: T });
    people = {
      leader,
      a4: await createPerson(api, admin, { name: 'Anwar (T)', roles: ['STAFF'], unitId: T, superiorId: leader.positionId }),
      a1: await createPerson(api, admin, { name: 'Bayu (C1)', roles: ['STAFF'], unitId: C1, superiorId: leader.positionId }),
      a2: await createPerson(api, admin, { name: 'Citra (G1)', roles: ['STAFF'], unitId: G1, superiorId: leader.positionId }),
      a3: await createPerson(api, admin, { name: 'Dodi (C2)', roles: ['STAFF'], unitId: C2, superiorId: leader.positionId }),
      leaderC2: await createPerson(api, admin, { name: 'Kepala Bidang Dua', roles: ['LEADER'], unitId: C2, superiorId: leader.positionId }),
      clerk: await createPerson(api, admin, { name: 'TU', roles: ['CLERK'], unitId: T, superiorId: leader.positionId }),
    };
    // A real letter to hang the fixed dispositions on; its own first disposition is created now, outside the period.
    const letter = await registerIncomingLetter(api, people.clerk.token, {
      kind: 'REPORT',
      number: `SLA/${randomUUID().slice(0, 8)}`,
      letterDate: '2026-09-30',
      subject: 'Data uji laporan SLA',
      senderName: 'Uji',
      addresseeIds: [leader.id],
    });
    const db = api.app.get(DataSource);
    const disposition = async (createdAt: string) => {
      const id = randomUUID();
      await db.query(
        `INSERT INTO disposition (id, letter_id, sender_id, instructions, due_at, created_at) VALUES ($1, $2, $3, '{FOLLOW_UP}', '2030-01-01T00:00:00Z', $4)`,
        [id, letter.id, leader.id, createdAt],
      );
      return id;
    };
    const inPeriod = await disposition('2026-10-05T02:00:00Z');
    const afterPeriod = await disposition('2026-12-15T02:00:00Z');
    const assignment = (
      dispositionId: string,
      who: Person,
      a: { due: string; dueSoon?: string; completed?: string; minutes?: number; cancelled?: boolean },
    ) =>
      db.query(
        `INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, due_soon_at, completed_at, completion_working_minutes, cancelled_at, created_at)
         VALUES ($1, $2, $3, $4, $5, 'NORMAL', $6, $7, $8, $9, $10, '2026-10-05T02:00:00Z')`,
        [
          randomUUID(),
          dispositionId,
          letter.id,
          who.id,
          a.completed ? 'COMPLETED' : 'UNREAD',
          a.due,
          a.dueSoon ?? null,
          a.completed ?? null,
          a.minutes ?? null,
          a.cancelled ? '2026-10-05T03:00:00Z' : null,
        ],
      );
    await assignment(inPeriod, people.a1, { due: '2026-10-10T09:00:00Z', completed: '2026-10-06T09:00:00Z', minutes: 120 }); // on time, 2 h
    await assignment(inPeriod, people.a1, { due: '2026-10-06T09:00:00Z', completed: '2026-10-08T09:00:00Z', minutes: 600 }); // late, 10 h
    await assignment(inPeriod, people.a2, { due: '2026-10-10T09:00:00Z', completed: '2026-10-07T09:00:00Z', minutes: 240 }); // on time, 4 h
    await assignment(inPeriod, people.a3, { due: '2026-10-10T09:00:00Z', dueSoon: '2026-10-09T09:00:00Z' }); // open, overdue
    await assignment(inPeriod, people.a3, { due: '2030-01-01T00:00:00Z', dueSoon: '2029-12-01T00:00:00Z' }); // open, on track
    await assignment(inPeriod, people.a4, { due: '2030-01-01T00:00:00Z', dueSoon: '2026-10-06T00:00:00Z' }); // open, due soon
    await assignment(inPeriod, people.a4, { due: '2026-10-06T09:00:00Z', cancelled: true }); // withdrawn: counts nowhere
    await assignment(afterPeriod, people.a1, { due: '2026-12-20T09:00:00Z' }); // outside the period
  });

  afterAll(() => api.close());

  it('gives every figure of the unit and its sub-units, as computed by hand', async () => {
    const { slaReport: r } = await api.gqlOk<any>(REPORT, { unitId: units.T, ...PERIOD }, people.leader.token);
    expect(r).toMatchObject({
      unit: { id: units.T },
      total: 6,
      completedOnTime: 2,
      completedLate: 1,
      openOnTrack: 1,
      openDueSoon: 1,
      openOverdue: 1,
      medianCompletionWorkingHours: 4,
    });
    expect(r.onTimeRate).toBeCloseTo(2 / 3, 10);
    // percentile_cont(0.9) over 2, 4, 10 hours: 4 + 0.8 × (10 − 4)
    expect(r.p90CompletionWorkingHours).toBeCloseTo(8.8, 10);
    const byAssignee = Object.fromEntries(r.byAssignee.map((row: any) => [row.assignee.id, row]));
    expect(byAssignee[people.a1.id]).toMatchObject({
      open: 0,
      overdue: 0,
      completedOnTime: 1,
      completedLate: 1,
      medianCompletionWorkingHours: 6,
    });
    expect(byAssignee[people.a2.id]).toMatchObject({
      open: 0,
      overdue: 0,
      completedOnTime: 1,
      completedLate: 0,
      medianCompletionWorkingHours: 4,
    });
    expect(byAssignee[people.a3.id]).toMatchObject({
      open: 2,
      overdue: 1,
      completedOnTime: 0,
      completedLate: 0,
      medianCompletionWorkingHours: null,
    });
    expect(byAssignee[people.a4.id]).toMatchObject({
      open: 1,
      overdue: 0,
      completedOnTime: 0,
      completedLate: 0,
      medianCompletionWorkingHours: null,
    });
    expect(r.byAssignee).toHaveLength(4);
    expect(r.byAssignee[0].assignee.id).toBe(people.a3.id); // the one with an overdue assignment first
    const bySubunit = Object.fromEntries(r.bySubunit.map((row: any) => [row.unit.id, row]));
    expect(Object.keys(bySubunit).sort()).toEqual([units.C1, units.C2].sort());
    expect(bySubunit[units.C1]).toMatchObject({ total: 3, open: 0, overdue: 0, completedOnTime: 2, completedLate: 1 });
    expect(bySubunit[units.C1].onTimeRate).toBeCloseTo(2 / 3, 10);
    expect(bySubunit[units.C2]).toMatchObject({ total: 2, open: 2, overdue: 1, completedOnTime: 0, completedLate: 0, onTimeRate: null });
  });

  it('counts only the unit itself when sub-units are left out', async () => {
    const { slaReport: r } = await api.gqlOk<any>(REPORT, { unitId: units.T, ...PERIOD, sub: false }, admin);
    expect(r).toMatchObject({
      total: 1,
      openDueSoon: 1,
      completedOnTime: 0,
      onTimeRate: null,
      medianCompletionWorkingHours: null,
      bySubunit: [],
    });
  });

  it('lets a leader read their own unit and below, and nobody else', async () => {
    expect((await api.gqlOk<any>(REPORT, { unitId: units.C2, ...PERIOD }, people.leaderC2.token)).slaReport.total).toBe(2);
    expect(errorCode(await api.gql(REPORT, { unitId: units.T, ...PERIOD }, people.leaderC2.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(REPORT, { unitId: units.C1, ...PERIOD }, people.leaderC2.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(REPORT, { unitId: units.T, ...PERIOD }, people.a1.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(REPORT, { unitId: randomUUID(), ...PERIOD }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REPORT, { unitId: units.T, from: PERIOD.to, to: PERIOD.from }, admin))).toBe('BAD_USER_INPUT');
  });
});
