import { parse } from 'csv-parse/sync';
import { CalendarService, hoursOn, localDate, type WorkingCalendar } from '@gesit/calendar';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { appointPlh, createAgency, createPerson } from '../harness/org';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const REPORT_FIELDS = `id date workMode status totalMinutes submittedAt reviewedAt reviewNote note
  user { id } reviewedBy { id }
  entries { startTime endTime minutes activity output outputQuantity task { id } performanceTarget { id } evidence { id } }`;
const SAVE = `mutation($input: SaveDailyReportInput!) { saveDailyReport(input: $input) { ${REPORT_FIELDS} } }`;
const REVIEW = `mutation($input: ReviewDailyReportInput!) { reviewDailyReport(input: $input) { ${REPORT_FIELDS} } }`;
const TARGET = `mutation($id: ID, $input: PerformanceTargetInput!) {
  savePerformanceTarget(id: $id, input: $input) { id year title indicator targetQuantity unitOfMeasure achievedQuantity user { id } }
}`;
const TARGETS = `query($userId: ID, $year: Int!) { performanceTargets(userId: $userId, year: $year) { id title achievedQuantity } }`;

const DAY_MS = 86_400_000;
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
const entry = (
  startTime: string,
  endTime: string,
  activity = 'Menyusun draf laporan evaluasi SPBE',
  extra: Record<string, unknown> = {},
) => ({
  startTime,
  endTime,
  activity,
  ...extra,
});

describe('daily reports and performance targets', () => {
  let api: TestApi;
  let org: Agency;
  let today: string;
  let calendar: WorkingCalendar;
  /** The day the tests report on: today when it is a working day, else the last one before (still open: its deadline is the next working day). */
  let workday: string;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
    today = localDate(new Date(), 'Asia/Jakarta');
    calendar = await api.app.get(CalendarService).calendarFor(org.division);
    workday = hoursOn(today, calendar) ? today : workingDayBefore(today, 1);
  });

  /** The `n`-th working day of the agency's calendar (holidays included) before `date`. */
  function workingDayBefore(date: string, n: number): string {
    let day = date;
    while (n > 0) {
      day = shift(day, -1);
      if (hoursOn(day, calendar)) n--;
    }
    return day;
  }

  afterAll(() => api.close());

  const save = (input: Record<string, unknown>, token: string) =>
    api.gql<{ saveDailyReport: any }>(SAVE, { input: { workMode: 'OFFICE', submit: false, ...input } }, token);
  const review = (input: Record<string, unknown>, token: string) => api.gql<{ reviewDailyReport: any }>(REVIEW, { input }, token);

  it('refuses each impossible report with a message that says what to fix', async () => {
    const person = await createPerson(api, await adminToken(api), {
      name: 'Pegawai Uji Aturan',
      roles: ['STAFF'],
      unitId: org.division,
      superiorId: org.division1.positionId,
    });
    const lastSunday = shift(today, -(weekday(today) % 7 || 7));
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ date: shift(today, 1), entries: [entry('08:00', '09:00')] }, /belum tiba/],
      [
        { date: today, entries: [entry('08:00', '10:00'), entry('09:30', '11:00')] },
        /ke-2 \(09:30–11:00\) bertumpang tindih dengan kegiatan ke-1 \(08:00–10:00\)/,
      ],
      [{ date: today, entries: [entry('10:00', '09:00')] }, /jam selesai 09:00 harus setelah jam mulai 10:00/],
      [{ date: today, entries: [entry('00:00', '10:00'), entry('10:00', '16:30')] }, /16 jam 30 menit melebihi batas 16 jam/],
      [{ date: today, entries: [entry('08:00', '09:00', 'Rapat')] }, /paling sedikit 10 karakter/],
      [{ date: lastSunday, entries: [entry('08:00', '10:00')] }, new RegExp(`${lastSunday} bukan hari kerja: .*catatan \\(note\\)`)],
    ];
    for (const [input, message] of cases) {
      const res = await save(input, person.token);
      expect({ input, code: errorCode(res) }).toEqual({ input, code: 'BAD_USER_INPUT' });
      expect(res.errors![0].message).toMatch(message);
    }
    // Overtime on a day off is allowed when the report says why.
    const overtime = await save(
      { date: lastSunday, note: 'Lembur menyiapkan bahan rapat pimpinan', entries: [entry('08:00', '10:00')] },
      person.token,
    );
    expect(overtime.data!.saveDailyReport).toMatchObject({
      status: 'DRAFT',
      totalMinutes: 120,
      note: 'Lembur menyiapkan bahan rapat pimpinan',
    });
    // Nothing of the refused attempts was written.
    const reports = await api.gqlOk<any>(
      'query($from: Date!, $to: Date!) { dailyReports(from: $from, to: $to) { date } }',
      { from: shift(today, -14), to: today },
      person.token,
    );
    expect(reports.dailyReports).toEqual([{ date: lastSunday }]);
  });

  it('keeps one report per day, counts approved quantities against the targets, and locks what the superior approved', async () => {
    const year = Number(workday.slice(0, 4));
    const target = (
      await api.gqlOk<any>(
        TARGET,
        {
          input: {
            year,
            title: 'Laporan evaluasi SPBE',
            indicator: '12 laporan evaluasi SPBE',
            targetQuantity: 12,
            unitOfMeasure: 'laporan',
          },
        },
        org.staff.token,
      )
    ).savePerformanceTarget;
    expect(target).toMatchObject({ user: { id: org.staff.id }, achievedQuantity: 0 });

    // The superior may edit it; someone else may not.
    const edited = await api.gqlOk<any>(
      TARGET,
      { id: target.id, input: { year, title: 'Laporan evaluasi SPBE', indicator: '10 laporan evaluasi SPBE', targetQuantity: 10 } },
      org.division1.token,
    );
    expect(edited.savePerformanceTarget.targetQuantity).toBe(10);
    const stranger = await api.gql(TARGET, { id: target.id, input: { year, title: 'Diubah', indicator: 'Diubah' } }, org.division2.token);
    expect(errorCode(stranger)).toBe('FORBIDDEN');
    expect(stranger.errors![0].message).toMatch(/Hanya Staf Bidang Satu dan atasan langsungnya/);

    const draft = (
      await save(
        {
          date: workday,
          workMode: 'HOME',
          entries: [
            entry('07:30', '09:00', 'Menyusun laporan evaluasi SPBE triwulan', {
              performanceTargetId: target.id,
              output: 'Laporan',
              outputQuantity: 2,
            }),
            entry('09:00', '10:15', 'Rapat koordinasi dengan bidang lain'),
          ],
        },
        org.staff.token,
      )
    ).data!.saveDailyReport;
    expect(draft).toMatchObject({ status: 'DRAFT', totalMinutes: 165, workMode: 'HOME', submittedAt: null });

    // Saving again replaces the day's report, it does not add a second one.
    const submitted = (
      await save(
        {
          date: workday,
          workMode: 'HOME',
          submit: true,
          entries: [
            entry('07:30', '09:30', 'Menyusun laporan evaluasi SPBE triwulan', { performanceTargetId: target.id, outputQuantity: 3 }),
          ],
        },
        org.staff.token,
      )
    ).data!.saveDailyReport;
    expect(submitted).toMatchObject({ id: draft.id, status: 'SUBMITTED', totalMinutes: 120 });
    // Submitted, not approved: nothing counts yet.
    expect((await api.gqlOk<any>(TARGETS, { year }, org.staff.token)).performanceTargets[0].achievedQuantity).toBe(0);

    const waiting = await api.gqlOk<any>('{ reportsToReview { id user { id } } }', {}, org.division1.token);
    expect(waiting.reportsToReview).toEqual([{ id: draft.id, user: { id: org.staff.id } }]);
    // The head is above, but not the direct superior: reviewing is for the head of division.
    const notMine = await review({ reportId: draft.id, approve: true }, org.head.token);
    expect(errorCode(notMine)).toBe('FORBIDDEN');
    expect(notMine.errors![0].message).toMatch(/atasan langsungnya, Kepala Bidang Satu,/);

    const approved = (await review({ reportId: draft.id, approve: true }, org.division1.token)).data!.reviewDailyReport;
    expect(approved).toMatchObject({ status: 'APPROVED', reviewedBy: { id: org.division1.id } });
    expect(
      (await api.gqlOk<any>(TARGETS, { userId: org.staff.id, year }, org.division1.token)).performanceTargets[0].achievedQuantity,
    ).toBe(3);

    const locked = await save({ date: workday, entries: [entry('07:30', '08:00')] }, org.staff.token);
    expect(errorCode(locked)).toBe('CONFLICT');
    expect(locked.errors![0].message).toBe(`Laporan harian ${workday} sudah disetujui atasan dan terkunci.`);
  });

  it('refuses a late submission with the deadline named until the superior reopens it; a Plh reviews in their place', async () => {
    const person = await createPerson(api, await adminToken(api), {
      name: 'Pegawai Uji Tenggat',
      roles: ['STAFF'],
      unitId: org.division,
      superiorId: org.division1.positionId,
    });
    const late = workingDayBefore(today, 3);
    const deadline = workingDayBefore(today, 2);
    await save({ date: late, entries: [entry('08:00', '12:00')] }, person.token);
    const refused = await save({ date: late, submit: true, entries: [entry('08:00', '12:00')] }, person.token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toBe(
      `Batas waktu pengiriman laporan ${late} sudah lewat (paling lambat akhir hari kerja ${deadline}); minta atasan Anda membukanya kembali.`,
    );

    // The head of division is away: their Plh reopens the draft in their name.
    await appointPlh(api, org.division1.token, org.division2.id);
    const [draft] = (
      await api.gqlOk<any>(
        'query($from: Date!, $to: Date!, $userId: ID) { dailyReports(from: $from, to: $to, userId: $userId) { id } }',
        { from: late, to: late, userId: person.id },
        org.division2.token,
      )
    ).dailyReports;
    const noNote = await review({ reportId: draft.id, approve: false }, org.division2.token);
    expect(errorCode(noNote)).toBe('BAD_USER_INPUT');
    expect(noNote.errors![0].message).toMatch(/Tuliskan catatan \(note\).*Pegawai Uji Tenggat/);
    const reopened = (await review({ reportId: draft.id, approve: false, note: 'Silakan dilengkapi dan dikirim' }, org.division2.token))
      .data!.reviewDailyReport;
    expect(reopened).toMatchObject({
      status: 'RETURNED',
      reviewedBy: { id: org.division2.id },
      reviewNote: 'Silakan dilengkapi dan dikirim',
    });

    const sent = (await save({ date: late, submit: true, entries: [entry('08:00', '12:00'), entry('13:00', '15:00')] }, person.token)).data!
      .saveDailyReport;
    expect(sent).toMatchObject({ status: 'SUBMITTED', totalMinutes: 360 });
    const waiting = await api.gqlOk<any>('{ reportsToReview { id } }', {}, org.division2.token);
    expect(waiting.reportsToReview.map((r: any) => r.id)).toContain(draft.id);
    const approved = (await review({ reportId: draft.id, approve: true }, org.division2.token)).data!.reviewDailyReport;
    expect(approved).toMatchObject({ status: 'APPROVED', reviewedBy: { id: org.division2.id } });
    const again = await review({ reportId: draft.id, approve: true }, org.division2.token);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('exports the reports as CSV with a BOM that a CSV parser reads back, one row per entry', async () => {
    const admin = await adminToken(api);
    const person = await createPerson(api, admin, {
      name: 'Ni Luh Ayu "Ayu" Pratiwi',
      roles: ['STAFF'],
      unitId: org.division,
      superiorId: org.division1.positionId,
    });
    // A fixed Tuesday in the past: drafts may be saved for it on any day the test runs.
    const day = '2026-08-18';
    await save(
      {
        date: day,
        entries: [
          entry('07:30', '09:00', 'Rapat koordinasi, lalu menyusun "notulen"', { output: 'Notulen', outputQuantity: 1 }),
          entry('09:00', '11:00', '=HYPERLINK("http://contoh") bukan rumus'),
        ],
      },
      person.token,
    );
    const url = `${api.url}/reports/daily.csv?from=${day}&to=${day}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${person.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        tanggal: day,
        nip: person.nip,
        nama: 'Ni Luh Ayu "Ayu" Pratiwi',
        rencana_hasil_kerja: '',
        kegiatan: 'Rapat koordinasi, lalu menyusun "notulen"',
        mulai: '07:30',
        selesai: '09:00',
        menit: '90',
        keluaran: 'Notulen',
        kuantitas: '1',
        status: 'DRAFT',
      },
      expect.objectContaining({ kegiatan: `'=HYPERLINK("http://contoh") bukan rumus`, menit: '120' }),
    ]);

    // The superior may export it; a leader elsewhere may not, and no one without signing in.
    const bySuperior = await fetch(`${url}&userId=${person.id}`, { headers: { authorization: `Bearer ${org.division1.token}` } });
    expect(bySuperior.status).toBe(200);
    const byStranger = await fetch(`${url}&userId=${person.id}`, { headers: { authorization: `Bearer ${org.stranger.token}` } });
    expect(byStranger.status).toBe(403);
    const refusal = ((await byStranger.json()) as { error: { code: string; message: string } }).error;
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toMatch(/Ni Luh Ayu "Ayu" Pratiwi tidak berada di bawah Anda/);
    expect((await fetch(url)).status).toBe(401);
  });

  it('exports without userId the reports of everyone the caller may see: themselves and the people below, also as Plh', async () => {
    const admin = await adminToken(api);
    const head = await createPerson(api, admin, {
      name: 'Kepala Seksi Ekspor',
      roles: ['LEADER'],
      unitId: org.division,
      superiorId: org.division1.positionId,
    });
    const below = (name: string, superiorId: string) =>
      createPerson(api, admin, { name, roles: ['STAFF'], unitId: org.division, superiorId });
    const ayu = await below('Ayu Lestari Ekspor', head.positionId);
    const bagus = await below('Bagus Santoso Ekspor', head.positionId);
    const peer = await below('Citra Rekan Ekspor', org.division1.positionId);
    const plh = await below('Dimas Plh Ekspor', org.division1.positionId);
    const [tuesday, wednesday] = ['2026-09-15', '2026-09-16'];
    await save({ date: tuesday, entries: [entry('08:00', '10:00', 'Memeriksa laporan bawahan')] }, head.token);
    await save({ date: tuesday, entries: [entry('08:00', '09:00'), entry('09:00', '10:30', 'Mengolah data kepegawaian')] }, ayu.token);
    await save({ date: wednesday, entries: [entry('13:00', '15:00', 'Menyiapkan bahan rapat')] }, bagus.token);
    await save({ date: tuesday, entries: [entry('07:30', '08:30', 'Pekerjaan rekan di luar seksi')] }, peer.token);

    const exported = async (token: string): Promise<string[][]> => {
      const res = await fetch(`${api.url}/reports/daily.csv?from=${tuesday}&to=${wednesday}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const rows = parse(Buffer.from(await res.arrayBuffer()).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
      return rows.map((r) => [r.tanggal, r.nama, r.mulai]);
    };
    const team = [
      [tuesday, 'Ayu Lestari Ekspor', '08:00'],
      [tuesday, 'Ayu Lestari Ekspor', '09:00'],
      [tuesday, 'Kepala Seksi Ekspor', '08:00'],
      [wednesday, 'Bagus Santoso Ekspor', '13:00'],
    ];
    // The head of the section: their own and their two staff's, by date and name; not the colleague beside them.
    expect(await exported(head.token)).toEqual(team);
    // A staff member gets only their own.
    expect(await exported(ayu.token)).toEqual(team.slice(0, 2));
    expect(await exported(peer.token)).toEqual([[tuesday, 'Citra Rekan Ekspor', '07:30']]);
    // The head of division above sees all of them, the colleague included.
    expect((await exported(org.division1.token)).map((r) => r[1])).toEqual(
      expect.arrayContaining(['Ayu Lestari Ekspor', 'Kepala Seksi Ekspor', 'Bagus Santoso Ekspor', 'Citra Rekan Ekspor']),
    );
    // While the head is away, their Plh exports what the head may see.
    expect(await exported(plh.token)).toEqual([]);
    await appointPlh(api, head.token, plh.id);
    expect(await exported(plh.token)).toEqual(team);
  });
});
