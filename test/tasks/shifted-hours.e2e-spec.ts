import { WorkloadService } from '@gesit/tasks';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { createAgency, createPerson, type Person } from '../harness/org';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const CREATE = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id dueAt } }';
// A week far enough ahead that it is always in the future, and free of holidays: Monday 7 to Friday 11 January 2030.
const WEEK = { startsOn: '2030-01-07', endsOn: '2030-01-11' };
const TUESDAY_NOON_WIB = '2030-01-08T12:00:00+07:00';

/** An approved TIME arrangement (07:00-15:00 instead of the unit's 07:30-16:00) moves the person's own due times and capacity. */
describe('shifted working hours', () => {
  let api: TestApi;
  let org: Agency;
  let early: Person;
  let usual: Person;

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await adminToken(api);
    org = await createAgency(api, admin);
    const staff = (name: string) =>
      createPerson(api, admin, { name, roles: ['STAFF'], unitId: org.division, superiorId: org.division1.positionId });
    early = await staff('Eka Jam Pagi');
    usual = await staff('Umar Jam Biasa');
    const { requestWorkArrangement } = await api.gqlOk<any>(
      'mutation($input: RequestWorkArrangementInput!) { requestWorkArrangement(input: $input) { id } }',
      {
        input: { kind: 'TIME', weekdays: [], startTime: '07:00', endTime: '15:00', ...WEEK, reason: 'Mengantar anak sekolah pagi' },
      },
      early.token,
    );
    await api.gqlOk(
      'mutation($id: ID!) { decideWorkArrangement(id: $id, approve: true) { id } }',
      { id: requestWorkArrangement.id },
      org.division1.token,
    );
  });

  afterAll(() => api.close());

  const dueIn = async (person: Person, hours: number): Promise<string> =>
    new Date(
      (
        await api.gqlOk<any>(
          CREATE,
          { input: { title: 'Menyusun kajian singkat', assigneeIds: [], startAt: TUESDAY_NOON_WIB, dueInWorkingHours: hours } },
          person.token,
        )
      ).createTask.dueAt,
    ).toISOString();

  it('counts "due in 4 working hours" in the hours of the person, shifted by their approved arrangement', async () => {
    // 12:00-15:00 on Tuesday, then an hour from 07:00 on Wednesday.
    expect(await dueIn(early, 4)).toBe(new Date('2030-01-09T08:00:00+07:00').toISOString());
    // On the unit's hours, 12:00-16:00 fits on Tuesday.
    expect(await dueIn(usual, 4)).toBe(new Date('2030-01-08T16:00:00+07:00').toISOString());
    // A leader's task for them is due in the assignee's hours, not the leader's.
    const forEarly = await api.gqlOk<any>(
      CREATE,
      { input: { title: 'Kajian untuk Eka', assigneeIds: [early.id], startAt: TUESDAY_NOON_WIB, dueInWorkingHours: 4 } },
      org.division1.token,
    );
    expect(new Date(forEarly.createTask.dueAt).toISOString()).toBe(new Date('2030-01-09T08:00:00+07:00').toISOString());
  });

  it('refuses a due time given twice, or working hours that are not a whole positive number', async () => {
    const both = await api.gql(
      CREATE,
      { input: { title: 'Tenggat ganda', assigneeIds: [], dueAt: '2030-01-09T08:00:00+07:00', dueInWorkingHours: 4 } },
      early.token,
    );
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0].message).toBe(
      'Isi salah satu saja: waktu tenggat (dueAt) atau lama pengerjaan dalam jam kerja (dueInWorkingHours).',
    );
    const zero = await api.gql(CREATE, { input: { title: 'Tanpa jam', assigneeIds: [], dueInWorkingHours: 0 } }, early.token);
    expect(errorCode(zero)).toBe('BAD_USER_INPUT');
    expect(zero.errors![0].message).toBe('Lama pengerjaan (dueInWorkingHours) harus 1 sampai 10000 jam kerja.');
  });

  it('moves a due time by working hours in updateTask, with the same rules and messages as createTask', async () => {
    const UPDATE = 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id dueAt } }';
    const { createTask } = await api.gqlOk<any>(
      CREATE,
      { input: { title: 'Kajian yang diundur', assigneeIds: [], startAt: TUESDAY_NOON_WIB, dueInWorkingHours: 1 } },
      early.token,
    );
    // The task starts in the future: the hours count from its start, in Eka's shifted hours.
    const { updateTask } = await api.gqlOk<any>(UPDATE, { input: { taskId: createTask.id, dueInWorkingHours: 4 } }, early.token);
    expect(new Date(updateTask.dueAt).toISOString()).toBe(new Date('2030-01-09T08:00:00+07:00').toISOString());

    const bad = await api.gql(
      UPDATE,
      { input: { taskId: createTask.id, title: ' ', dueAt: '2030-01-09T10:00:00+07:00', dueInWorkingHours: 2 } },
      early.token,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'title' }), expect.objectContaining({ field: 'dueInWorkingHours' })]),
    );
    const zero = await api.gql(UPDATE, { input: { taskId: createTask.id, dueInWorkingHours: 0 } }, early.token);
    expect(errorCode(zero)).toBe('BAD_USER_INPUT');
    expect(zero.errors![0].message).toBe('Lama pengerjaan (dueInWorkingHours) harus 1 sampai 10000 jam kerja.');
    // Nothing refused was written.
    const { task } = await api.gqlOk<any>('query($id: ID!) { task(id: $id) { dueAt title } }', { id: createTask.id }, early.token);
    expect(new Date(task.dueAt).toISOString()).toBe(new Date('2030-01-09T08:00:00+07:00').toISOString());
    expect(task.title).toBe('Kajian yang diundur');
  });

  it("gives the person the capacity of their shifted hours in the team's workload", async () => {
    // Tuesday 8 January 2030, 10:00 WIB: the five planning days are Tuesday to Friday (shifted, 8 hours) and Monday 14 (7.5 hours).
    const now = new Date('2030-01-08T03:00:00Z');
    const leader = { userId: org.division1.id, roles: ['LEADER'], scope: 'full' as const };
    const rows = await api.app.get(WorkloadService).team(leader, org.division, undefined, now);
    const capacity = (id: string) => rows.find((r) => r.userId === id)?.capacityMinutes;
    expect(capacity(early.id)).toBe(4 * 480 + 510);
    expect(capacity(usual.id)).toBe(5 * 510);
  });
});
