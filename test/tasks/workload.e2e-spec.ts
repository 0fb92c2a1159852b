import { DataSource } from 'typeorm';
import { DailyReportsService, WorkloadService, WorkMode } from '@gesit/tasks';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { dispose, disposedLetter, secondsFromNow } from '../harness/letters';
import { appointPlh, createAgency, createPerson, createUnit } from '../harness/org';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const WORKLOAD = `query($unitId: ID!) { teamWorkload(unitId: $unitId) {
  user { id name } openTasks overdueTasks openAssignments overdueAssignments plannedMinutes capacityMinutes
  minutesReportedThisWeek missingReports pendingReports workModeToday lastWorkMode
} }`;

const DAY_MS = 86_400_000;
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
// The clock the workload is read at: Tuesday 8 January 2030, 10:00 WIB, a working week without holidays, and in
// the future whatever day the test runs, so that the API accepts tasks and arrangements around it.
const NOW = new Date('2030-01-08T03:00:00Z');
const TODAY = '2030-01-08';
const MONDAY = '2030-01-07';

describe('team workload', () => {
  let api: TestApi;
  let org: Agency;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    org = await createAgency(api, admin);
  });

  afterAll(() => api.close());

  it('shows each person of the unit and its sub-units: open and overdue work, plan against capacity, reports and where they work', async () => {
    const section = await createUnit(api, admin, { name: 'Seksi Uji', parentId: org.division });
    const busy = await createPerson(api, admin, {
      name: 'Andi Sibuk',
      roles: ['STAFF'],
      unitId: section,
      superiorId: org.division1.positionId,
    });
    const flexible = await createPerson(api, admin, {
      name: 'Budi Fleksibel',
      roles: ['STAFF'],
      unitId: org.division,
      superiorId: org.division1.positionId,
    });

    const task = async (title: string, dueOn: string, estimateMinutes: number) =>
      (
        await api.gqlOk<any>(
          'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
          { input: { title, assigneeIds: [busy.id], dueAt: `${dueOn}T10:00:00+07:00`, estimateMinutes } },
          org.division1.token,
        )
      ).createTask.id;
    await task('Menyusun rencana kerja', shift(TODAY, 1), 300);
    const late = await task('Mengirim rekap bulanan', shift(TODAY, 2), 120);
    await task('Menyiapkan bahan tahun depan', shift(TODAY, 30), 600);
    // Time passes: the rekap is now a day overdue (the API refuses due times in the past, so the test moves it).
    const db = new DataSource({ type: 'postgres', url: api.config.databaseUrl });
    await db.initialize();
    await db.query(`UPDATE task SET due_at = $2 WHERE id = $1`, [late, new Date(NOW.getTime() - DAY_MS)]);
    await db.destroy();

    // Budi works from home on Tuesdays (today) by an approved arrangement, and on shifted hours (08:00-12:00) for the next weeks.
    const arrangement = async (input: Record<string, unknown>) => {
      const { requestWorkArrangement } = await api.gqlOk<any>(
        'mutation($input: RequestWorkArrangementInput!) { requestWorkArrangement(input: $input) { id } }',
        { input: { startsOn: MONDAY, endsOn: shift(MONDAY, 30), reason: 'Pengaturan kerja fleksibel uji', ...input } },
        flexible.token,
      );
      await api.gqlOk(
        'mutation($id: ID!) { decideWorkArrangement(id: $id, approve: true) { id } }',
        { id: requestWorkArrangement.id },
        org.division1.token,
      );
    };
    await arrangement({ kind: 'LOCATION', workMode: 'HOME', weekdays: [2] });
    await arrangement({ kind: 'TIME', weekdays: [], startTime: '08:00', endTime: '12:00' });

    // Andi reported today from the field and submitted it; Monday has no report.
    await api.app.get(DailyReportsService).save(
      { userId: busy.id, roles: ['STAFF'], scope: 'full' },
      {
        date: TODAY,
        workMode: WorkMode.FIELD,
        submit: true,
        note: 'Kunjungan lapangan',
        entries: [{ startTime: '08:00', endTime: '10:30', activity: 'Kunjungan lapangan ke kantor kecamatan' }],
      },
      undefined,
      NOW,
    );

    const rows = await api.app
      .get(WorkloadService)
      .team({ userId: org.division1.id, roles: ['LEADER'], scope: 'full' }, org.division, undefined, NOW);
    const byId = new Map(rows.map((r) => [r.userId, r]));
    expect(rows).toHaveLength(5);
    expect(byId.get(busy.id)).toMatchObject({
      openTasks: 3,
      overdueTasks: 1,
      openAssignments: 0,
      // Due within the next five working days (the overdue one included); the one due in a month is not planned yet.
      plannedMinutes: 420,
      capacityMinutes: 5 * 510,
      minutesReportedThisWeek: 150,
      // Monday is this week's one working day before today, and Andi has no report for it.
      missingReports: 1,
      pendingReports: 1,
      workModeToday: 'FIELD',
      lastWorkMode: 'FIELD',
    });
    expect(byId.get(flexible.id)).toMatchObject({
      openTasks: 0,
      plannedMinutes: 0,
      // Shifted hours of 4 hours a day replace the unit's 8.5 on each of the five days.
      capacityMinutes: 5 * 240,
      minutesReportedThisWeek: 0,
      missingReports: 1,
      pendingReports: 0,
      workModeToday: 'HOME',
      lastWorkMode: null,
    });

    // Through the API: the people of the unit and its sub-units, by name.
    const listed = (await api.gqlOk<any>(WORKLOAD, { unitId: org.division }, org.division1.token)).teamWorkload;
    expect(listed.map((r: any) => r.user.name)).toEqual([
      'Andi Sibuk',
      'Budi Fleksibel',
      'Kepala Bidang Dua',
      'Kepala Bidang Satu',
      'Staf Bidang Satu',
    ]);
    // Each person with the fields of a User, as the user query shows them (where they sit, their contact).
    const FIELDS = 'id nip name email phone rank roles mfaEnabled unit { id } position { id }';
    const shown = (
      await api.gqlOk<any>(
        `query($unitId: ID!) { teamWorkload(unitId: $unitId) { user { ${FIELDS} } } }`,
        { unitId: org.division },
        org.division1.token,
      )
    ).teamWorkload.find((r: any) => r.user.id === busy.id).user;
    expect(shown).toEqual(
      (await api.gqlOk<any>(`query($id: ID!) { user(id: $id) { ${FIELDS} } }`, { id: busy.id }, org.division1.token)).user,
    );
    expect(shown).toMatchObject({ name: 'Andi Sibuk', roles: ['STAFF'], unit: { id: section }, position: { id: busy.positionId } });
    // The head of the agency above sees it; the Plh of the head of division does too.
    expect((await api.gqlOk<any>(WORKLOAD, { unitId: section }, org.head.token)).teamWorkload.map((r: any) => r.user.name)).toEqual([
      'Andi Sibuk',
    ]);
    await appointPlh(api, org.division1.token, org.secretary.id);
    expect((await api.gqlOk<any>(WORKLOAD, { unitId: org.division }, org.secretary.token)).teamWorkload).toHaveLength(5);
  });

  it('stays right through every write of tasks, dispositions and reports, concurrent ones of one person too', async () => {
    const team = await createUnit(api, admin, { name: 'Seksi Rekap', parentId: org.division });
    const person = (name: string) =>
      createPerson(api, admin, { name, roles: ['STAFF'], unitId: team, superiorId: org.division1.positionId });
    const citra = await person('Citra Cermat');
    const dedi = await person('Dedi Dinamis');
    const db = new DataSource({ type: 'postgres', url: api.config.databaseUrl });
    await db.initialize();
    // What the tally holds must be what counting the source rows afresh gives: a write the triggers missed shows here.
    // (Someone nothing was written for has no row yet: the same as a row of nothing.)
    const TALLY = `SELECT p.id, coalesce(t.open_tasks, 0) AS open_tasks, coalesce(t.task_due, '{}') AS task_due,
                          coalesce(t.task_planned, '{}') AS task_planned, coalesce(t.assignment_due, '{}') AS assignment_due,
                          coalesce(t.pending_reports, 0) AS pending_reports, t.last_work_mode
                     FROM unnest($1::uuid[]) p(id) LEFT JOIN workload_tally t ON t.user_id = p.id ORDER BY p.id`;
    const recounted = async () => {
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      try {
        const kept = await runner.query(TALLY, [[citra.id, dedi.id]]);
        await runner.query(`SELECT workload_tally_refresh($1::uuid[], 'all')`, [[citra.id, dedi.id]]);
        expect(await runner.query(TALLY, [[citra.id, dedi.id]])).toEqual(kept);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    const shown = async () => {
      await recounted();
      const rows = (await api.gqlOk<any>(WORKLOAD, { unitId: team }, org.division1.token)).teamWorkload;
      return Object.fromEntries(
        rows.map((r: any) => [r.user.name, [r.openTasks, r.plannedMinutes, r.openAssignments, r.pendingReports, r.lastWorkMode].join(' ')]),
      );
    };
    const createTask = async (assigneeId: string, dueAt: string, estimateMinutes: number) =>
      (
        await api.gqlOk<any>(
          'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
          { input: { title: 'Menyusun laporan kegiatan', assigneeIds: [assigneeId], dueAt, estimateMinutes } },
          org.division1.token,
        )
      ).createTask.id as string;
    const move = (taskId: string, status: string, token: string) =>
      api.gqlOk(
        'mutation($input: UpdateTaskProgressInput!) { updateTaskProgress(input: $input) { id } }',
        { input: { taskId, status, progress: 50, note: 'Perubahan status', workMode: 'OFFICE' } },
        token,
      );
    const report = (date: string, workMode: WorkMode) =>
      api.app.get(DailyReportsService).save(
        { userId: citra.id, roles: ['STAFF'], scope: 'full' },
        {
          date,
          workMode,
          submit: true,
          note: 'Laporan harian',
          entries: [{ startTime: '08:00', endTime: '09:00', activity: 'Menyusun laporan kegiatan harian' }],
        },
        undefined,
        NOW,
      );

    // At once for Citra: four tasks (two due today, two in two months), two dispositions and two reports.
    const [soon1, soon2, later1, later2, letterA, , monday] = await Promise.all([
      createTask(citra.id, secondsFromNow(3600), 60),
      createTask(citra.id, secondsFromNow(3600), 45),
      createTask(citra.id, secondsFromNow(60 * 86_400), 30),
      createTask(citra.id, secondsFromNow(60 * 86_400), 30),
      disposedLetter(api, org.clerk.token, org.head, [citra.id], { subject: 'Permintaan data kegiatan' }),
      disposedLetter(api, org.clerk.token, org.head, [citra.id], { subject: 'Undangan sosialisasi' }),
      report(MONDAY, WorkMode.OFFICE),
      report(TODAY, WorkMode.HOME),
    ]);
    expect(await shown()).toEqual({ 'Citra Cermat': '4 105 2 2 HOME', 'Dedi Dinamis': '0 0 0 0 ' });

    // At once: one done after review, one cancelled, one handed to Dedi; Citra completes a disposition; the head of
    // division forwards a letter to Dedi; Monday's report is approved.
    await Promise.all([
      (async () => {
        await move(soon1, 'IN_PROGRESS', citra.token);
        await move(soon1, 'IN_REVIEW', citra.token);
        await move(soon1, 'DONE', org.division1.token);
      })(),
      move(later1, 'CANCELLED', org.division1.token),
      api.gqlOk(
        'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }',
        { input: { taskId: soon2, assigneeIds: [dedi.id] } },
        org.division1.token,
      ),
      api.gqlOk(
        'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { id } }',
        { input: { assignmentId: letterA.assignmentIds[0], note: 'Data sudah dikirim' } },
        citra.token,
      ),
      (async () => {
        const letter = await disposedLetter(api, org.clerk.token, org.head, [org.division1.id], { subject: 'Laporan triwulan' });
        await dispose(api, org.division1.token, {
          letterId: letter.id,
          parentAssignmentId: letter.assignmentIds[0],
          assigneeIds: [dedi.id],
        });
      })(),
      api.gqlOk(
        'mutation($input: ReviewDailyReportInput!) { reviewDailyReport(input: $input) { id } }',
        { input: { reportId: monday.id, approve: true } },
        org.division1.token,
      ),
    ]);
    expect(await shown()).toEqual({ 'Citra Cermat': '1 0 1 1 HOME', 'Dedi Dinamis': '1 45 1 0 ' });
    expect(later2).toBeDefined();
    await db.destroy();
  });

  it('shifts one due time per assignment write, and recounts someone written twice in one transaction', async () => {
    const team = await createUnit(api, admin, { name: 'Seksi Geser', parentId: org.division });
    const person = (name: string) =>
      createPerson(api, admin, { name, roles: ['STAFF'], unitId: team, superiorId: org.division1.positionId });
    const eka = await person('Eka Efisien');
    const fajar = await person('Fajar Fokus');
    const ids = [eka.id, fajar.id];
    const db = new DataSource({ type: 'postgres', url: api.config.databaseUrl });
    await db.initialize();
    const due = async (): Promise<Date[][]> =>
      (
        await db.query(
          `SELECT coalesce(t.assignment_due, '{}') AS due FROM unnest($1::uuid[]) WITH ORDINALITY p(id, n)
             LEFT JOIN workload_tally t ON t.user_id = p.id ORDER BY p.n`,
          [ids],
        )
      ).map((r: { due: Date[] }) => r.due);
    // The kept arrays must be what counting afresh gives (the recount is rolled back).
    const recounted = async () => {
      const kept = await due();
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT workload_tally_refresh($1::uuid[], 'assignments')`, [ids]);
        const fresh = (
          await runner.query(
            `SELECT t.assignment_due AS due FROM unnest($1::uuid[]) WITH ORDINALITY p(id, n) JOIN workload_tally t ON t.user_id = p.id ORDER BY p.n`,
            [ids],
          )
        ).map((r: { due: Date[] }) => r.due);
        expect(kept).toEqual(fresh);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      return kept.map((d) => d.length);
    };
    // Eka has no row yet (recounted), then a row another transaction wrote (shifted), at once with a third.
    const first = await disposedLetter(api, org.clerk.token, org.head, [eka.id], { subject: 'Surat pertama' }, secondsFromNow(86_400));
    await Promise.all(
      [3, 2].map((days) =>
        disposedLetter(
          api,
          org.clerk.token,
          org.head,
          [eka.id, fajar.id],
          { subject: `Surat ${days} hari` },
          secondsFromNow(days * 86_400),
        ),
      ),
    );
    expect(await recounted()).toEqual([3, 2]);
    // A copy of an assignment, due `days` from now, for `who`: a write the API does not make, but the triggers see.
    const copy = (q: DataSource | { query: DataSource['query'] }, who: string, days: number) =>
      q.query(
        `INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at)
         SELECT gen_random_uuid(), disposition_id, letter_id, $2, 'UNREAD', urgency, now() + $3 * interval '1 day'
           FROM disposition_assignment WHERE id = $1 RETURNING id`,
        [first.assignmentIds[0], who, days],
      );
    // One transaction writes Eka three times (the second and third recount) and Fajar once.
    const spare = await db.transaction(async (em) => {
      await copy(em, eka.id, 5);
      const [{ id: fajars }] = await copy(em, fajar.id, 1);
      const [{ id }] = await copy(em, eka.id, 2);
      await em.query('UPDATE disposition_assignment SET completed_at = now() WHERE id = $1', [id]);
      return fajars as string;
    });
    expect(await recounted()).toEqual([4, 3]);
    // Each kind of write, several at once: moved due times (equal ones too), handed over, completed, withdrawn, deleted.
    const [a, b, c, d] = (
      await db.query('SELECT id FROM disposition_assignment WHERE assignee_id = $1 AND completed_at IS NULL ORDER BY due_at, id', [eka.id])
    ).map((r: { id: string }) => r.id);
    await Promise.all([
      db.query(`UPDATE disposition_assignment SET due_at = now() + interval '4 days' WHERE id = ANY($1)`, [[a, b]]),
      db.query('UPDATE disposition_assignment SET assignee_id = $2 WHERE id = $1', [c, fajar.id]),
      db.query('UPDATE disposition_assignment SET completed_at = now() WHERE id = $1', [d]),
      copy(db, fajar.id, 7),
    ]);
    expect(await recounted()).toEqual([2, 5]);
    await Promise.all([
      db.query('UPDATE disposition_assignment SET cancelled_at = now() WHERE id = $1', [a]),
      db.query('DELETE FROM disposition_assignment WHERE id = $1', [spare]),
    ]);
    expect(await recounted()).toEqual([1, 4]);
    await db.destroy();
  });

  it('is for leaders of the unit or above only', async () => {
    const staff = await api.gql(WORKLOAD, { unitId: org.division }, org.staff.token);
    expect(errorCode(staff)).toBe('FORBIDDEN');
    expect(staff.errors![0].message).toBe('Beban kerja tim hanya dapat dilihat pimpinan unit itu atau unit di atasnya (atau Plh/Plt-nya).');
    expect(errorCode(await api.gql(WORKLOAD, { unitId: org.division }, org.stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(WORKLOAD, { unitId: '00000000-0000-4000-8000-000000000000' }, org.head.token))).toBe('NOT_FOUND');
  });
});
