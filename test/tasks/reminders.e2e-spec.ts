import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DailyReportRemindersService, missingReportKey, waitingReportsKey } from '@gesit/tasks';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { appointPlh, createPerson, createUnit, Person } from '../harness/org';
import { until } from '../harness/wait';

// Tuesday 18 August 2026; Monday the 17th is Independence Day, a national holiday.
const TUESDAY_1529_WIB = new Date('2026-08-18T08:29:00Z');
const TUESDAY_1530_WIB = new Date('2026-08-18T08:30:00Z');
const HOLIDAY_1530_WIB = new Date('2026-08-17T08:30:00Z');
const WEDNESDAY_1530_WIB = new Date('2026-08-19T08:30:00Z');

describe('hybrid work reminders', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let reminders: DailyReportRemindersService;
  let db: DataSource;
  let p: Record<'leader' | 'silent' | 'diligent' | 'waiting' | 'early', Person>;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    reminders = worker.get(DailyReportRemindersService);
    db = api.app.get(DataSource);
    const admin = await adminToken(api);
    const unit = await createUnit(api, admin, { name: 'Dinas Pengingat', timezone: 'Asia/Jakarta' });
    const leader = await createPerson(api, admin, { name: 'Kepala Pengingat', roles: ['LEADER'], unitId: unit });
    const staff = (name: string) => createPerson(api, admin, { name, roles: ['STAFF'], unitId: unit, superiorId: leader.positionId });
    p = {
      leader,
      silent: await staff('Staf Belum Lapor'),
      diligent: await staff('Staf Sudah Lapor'),
      waiting: await staff('Staf Menunggu'),
      early: await staff('Staf Jam Pagi'),
    };
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const save = (person: Person, date: string, submit = false) =>
    api.gqlOk(
      'mutation($input: SaveDailyReportInput!) { saveDailyReport(input: $input) { id } }',
      {
        input: {
          date,
          workMode: 'OFFICE',
          submit,
          entries: [{ startTime: '07:30', endTime: '15:00', activity: 'Menyusun laporan kegiatan bulanan' }],
        },
      },
      person.token,
    );
  const notified = async (keys: string[]): Promise<string[]> =>
    (await db.query('SELECT dedupe_key FROM notification WHERE dedupe_key = ANY($1::text[]) ORDER BY dedupe_key', [keys])).map(
      (r: { dedupe_key: string }) => r.dedupe_key,
    );

  it('reminds at 15:30 local on a working day those with no report for the day, once; none on a holiday', async () => {
    const ids = [p.silent.id, p.diligent.id];
    await save(p.diligent, '2026-08-18');
    expect(await reminders.run(HOLIDAY_1530_WIB, { userIds: ids })).toBe(0);
    expect(await reminders.run(TUESDAY_1529_WIB, { userIds: ids })).toBe(0);
    expect(await reminders.run(TUESDAY_1530_WIB, { userIds: ids })).toBe(1);
    expect(await notified([missingReportKey(p.silent.id, '2026-08-18'), missingReportKey(p.diligent.id, '2026-08-18')])).toEqual([
      missingReportKey(p.silent.id, '2026-08-18'),
    ]);
    const [row] = await db.query('SELECT title FROM notification WHERE dedupe_key = $1', [missingReportKey(p.silent.id, '2026-08-18')]);
    expect(row.title).toBe('Laporan kinerja harian 2026-08-18 belum Anda isi');
    // The next run of the same afternoon sends nothing again; nothing went out for the holiday either.
    expect(await reminders.run(new Date(TUESDAY_1530_WIB.getTime() + 15 * 60_000), { userIds: ids })).toBe(0);
    expect(await notified([missingReportKey(p.silent.id, '2026-08-17')])).toEqual([]);
  });

  it('reminds someone on shifted hours half an hour before their day ends', async () => {
    // Approved 06:30-15:00 for August (written directly: the API takes requests from today on only).
    await db.query(
      `INSERT INTO work_arrangement (id, user_id, kind, weekdays, start_time, end_time, starts_on, ends_on, reason, status)
       VALUES (gen_random_uuid(), $1, 'TIME', '{}', '06:30', '15:00', '2026-08-01', '2026-08-31', 'Jam kerja bergeser untuk uji', 'APPROVED')`,
      [p.early.id],
    );
    expect(await reminders.run(new Date('2026-08-18T07:29:00Z'), { userIds: [p.early.id] })).toBe(0);
    expect(await reminders.run(new Date('2026-08-18T07:30:00Z'), { userIds: [p.early.id] })).toBe(1);
    expect(await notified([missingReportKey(p.early.id, '2026-08-18')])).toEqual([missingReportKey(p.early.id, '2026-08-18')]);
  });

  it('reminds the reviewer once a day of reports waiting more than two working days', async () => {
    // Submitted on Thursday 13 August (written directly: the API would refuse a submission that late now).
    await save(p.waiting, '2026-08-13');
    await db.query(
      `UPDATE daily_report SET status = 'SUBMITTED', submitted_at = '2026-08-13T09:00:00Z' WHERE user_id = $1 AND date = '2026-08-13'`,
      [p.waiting.id],
    );
    const ids = [p.leader.id, p.waiting.id];
    // Friday the 14th and Tuesday the 18th are its two working days (the 17th is a holiday): not yet too long.
    await reminders.run(TUESDAY_1530_WIB, { userIds: ids });
    expect(await notified([waitingReportsKey(p.leader.id, '2026-08-18')])).toEqual([]);
    await reminders.run(WEDNESDAY_1530_WIB, { userIds: ids });
    expect(await notified([waitingReportsKey(p.leader.id, '2026-08-19')])).toEqual([waitingReportsKey(p.leader.id, '2026-08-19')]);
    const [row] = await db.query('SELECT user_id, title FROM notification WHERE dedupe_key = $1', [
      waitingReportsKey(p.leader.id, '2026-08-19'),
    ]);
    expect(row).toEqual({ user_id: p.leader.id, title: '1 laporan kinerja harian menunggu pemeriksaan Anda lebih dari dua hari kerja' });
  });

  it('tells the head of unit of a flexible-work request, and the person of the decision, through the worker', async () => {
    const { requestWorkArrangement } = await api.gqlOk<any>(
      'mutation($input: RequestWorkArrangementInput!) { requestWorkArrangement(input: $input) { id } }',
      {
        input: {
          kind: 'LOCATION',
          workMode: 'HOME',
          weekdays: [5],
          startsOn: '2030-03-01',
          endsOn: '2030-03-29',
          reason: 'Merawat orang tua',
        },
      },
      p.waiting.token,
    );
    const id = requestWorkArrangement.id;
    const told = async (count: number) =>
      until('the arrangement notices', async () => {
        const rows = await db.query('SELECT user_id, kind, title FROM notification WHERE entity_id = $1 ORDER BY created_at', [id]);
        return rows.length >= count ? rows : undefined;
      });
    const [request] = await told(1);
    expect(request).toMatchObject({
      user_id: p.leader.id,
      kind: 'work-arrangement.requested',
      title: expect.stringMatching(/^Staf Menunggu /),
    });
    await api.gqlOk(
      'mutation($id: ID!, $note: String) { decideWorkArrangement(id: $id, approve: false, note: $note) { id } }',
      { id, note: 'Layanan tatap muka setiap Jumat' },
      p.leader.token,
    );
    const rows = await told(2);
    expect(rows.map((r: any) => [r.user_id, r.kind])).toEqual([
      [p.leader.id, 'work-arrangement.requested'],
      [p.waiting.id, 'work-arrangement.decided'],
    ]);
    expect(rows[1].title).toMatch(/2030-03-01.*2030-03-29/);
  });

  it('tells the Plh of an absent head of unit of requests and reports waiting for them, and reminds them too, naming whom they stand in for', async () => {
    const admin = await adminToken(api);
    const unit = await createUnit(api, admin, { name: 'Dinas Berwakil', timezone: 'Asia/Jakarta' });
    const head = await createPerson(api, admin, { name: 'Kepala Berwakil', roles: ['LEADER'], unitId: unit });
    const below = (name: string) => createPerson(api, admin, { name, roles: ['STAFF'], unitId: unit, superiorId: head.positionId });
    const [deputy, staff] = [await below('Wakil Sementara'), await below('Staf Berwakil')];
    await appointPlh(api, head.token, deputy.id);
    const noticesOf = (entityId: string, kind: string) =>
      until('the notices for the head and the Plh', async () => {
        const rows = await db.query('SELECT user_id, kind, title FROM notification WHERE entity_id = $1 AND kind = $2 ORDER BY title', [
          entityId,
          kind,
        ]);
        return rows.length >= 2 ? rows : undefined;
      });

    const { requestWorkArrangement } = await api.gqlOk<any>(
      'mutation($input: RequestWorkArrangementInput!) { requestWorkArrangement(input: $input) { id } }',
      {
        input: { kind: 'LOCATION', workMode: 'HOME', weekdays: [3], startsOn: '2030-04-01', endsOn: '2030-04-26', reason: 'Pendidikan' },
      },
      staff.token,
    );
    expect(await noticesOf(requestWorkArrangement.id, 'work-arrangement.requested')).toEqual([
      {
        user_id: deputy.id,
        kind: 'work-arrangement.requested',
        title: 'Sebagai Plh/Plt Kepala Berwakil: Staf Berwakil mengajukan fleksibilitas lokasi kerja 2030-04-01 s.d. 2030-04-26',
      },
      {
        user_id: head.id,
        kind: 'work-arrangement.requested',
        title: 'Staf Berwakil mengajukan fleksibilitas lokasi kerja 2030-04-01 s.d. 2030-04-26',
      },
    ]);

    // A report past its deadline: the Plh reopens it, and its submission waits for the head or the Plh.
    await save(staff, '2026-08-13');
    const [report] = await db.query(`SELECT id FROM daily_report WHERE user_id = $1 AND date = '2026-08-13'`, [staff.id]);
    await api.gqlOk(
      'mutation($input: ReviewDailyReportInput!) { reviewDailyReport(input: $input) { id } }',
      { input: { reportId: report.id, approve: false, note: 'Silakan dikirim' } },
      deputy.token,
    );
    await save(staff, '2026-08-13', true);
    expect((await noticesOf(report.id, 'daily-report.submitted')).map((r: any) => [r.user_id, r.kind, r.title])).toEqual([
      [head.id, 'daily-report.submitted', 'Laporan kinerja harian Staf Berwakil tanggal 2026-08-13 menunggu pemeriksaan Anda'],
      [
        deputy.id,
        'daily-report.submitted',
        'Sebagai Plh/Plt Kepala Berwakil: Laporan kinerja harian Staf Berwakil tanggal 2026-08-13 menunggu pemeriksaan Anda',
      ],
    ]);

    // Still waiting on Wednesday the 19th, as if sent on the 13th: the daily reminder reaches the head and the Plh.
    await db.query(`UPDATE daily_report SET submitted_at = '2026-08-13T09:00:00Z' WHERE id = $1`, [report.id]);
    await reminders.run(WEDNESDAY_1530_WIB, { userIds: [head.id, deputy.id, staff.id] });
    const key = waitingReportsKey(head.id, '2026-08-19');
    const rows = await db.query('SELECT user_id, title FROM notification WHERE dedupe_key = ANY($1::text[]) ORDER BY title', [
      [key, `${key}-${deputy.id}`],
    ]);
    expect(rows).toEqual([
      { user_id: head.id, title: '1 laporan kinerja harian menunggu pemeriksaan Anda lebih dari dua hari kerja' },
      {
        user_id: deputy.id,
        title: 'Sebagai Plh/Plt Kepala Berwakil: 1 laporan kinerja harian menunggu pemeriksaan Anda lebih dari dua hari kerja',
      },
    ]);
  });

  it('tells the assignee of a new task, and at its due time the assignee and their superior, through the worker', async () => {
    const dueAt = new Date(Date.now() + 3000);
    const { createTask } = await api.gqlOk<any>(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      { input: { title: 'Mengirim data kepegawaian', assigneeIds: [p.silent.id], dueAt: dueAt.toISOString() } },
      p.leader.token,
    );
    const keys = [
      `task-${createTask.id}-assigned-${p.silent.id}`,
      `task-${createTask.id}-escalate-1-${dueAt.getTime()}-${p.leader.id}`,
      `task-${createTask.id}-overdue-${dueAt.getTime()}-${p.silent.id}`,
    ];
    const deadline = Date.now() + 30_000;
    while ((await notified(keys)).length < keys.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await notified(keys)).toEqual([...keys].sort());
    const rows = await db.query('SELECT user_id, kind, title FROM notification WHERE entity_id = $1 ORDER BY kind', [createTask.id]);
    expect(rows.map((r: any) => [r.user_id, r.kind])).toEqual([
      [p.silent.id, 'task.assigned'],
      [p.silent.id, 'task.due-soon'],
      [p.leader.id, 'task.escalated'],
      [p.silent.id, 'task.overdue'],
    ]);
    expect(rows[2].title).toMatch(/^Tugas "Mengirim data kepegawaian" untuk Staf Belum Lapor melewati tenggat/);
  });
});
