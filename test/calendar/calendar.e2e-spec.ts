import { holidayDecreeJson } from '@gesit/calendar/testing';
import { errorCode, GraphqlResponse, startTestApi, TestApi } from '../harness/app';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { createPerson, createUnit } from '../harness/org';

// These tests share the database with every other e2e file of the run. Whatever they change for
// everyone (an SLA policy, NATIONAL holidays) is put back; the rest is done on units of their own,
// or in years no other suite computes due times in.

const DECREE_2026 = JSON.parse(holidayDecreeJson(2026)) as {
  national: { date: string; name: string }[];
  collectiveLeave: { date: string; name: string }[];
};

const HOLIDAYS = 'query($year: Int!) { holidays(year: $year) { id date name kind } }';
const POLICIES = 'query { slaPolicies { urgency workingHours remindAtFraction escalateEveryWorkingHours } }';
const WORKING_HOURS = 'query($unitId: ID) { workingHours(unitId: $unitId) { weekdays start end } }';
const DUE = 'query($start: DateTime!, $hours: Int!, $unitId: ID) { computeDueAt(start: $start, workingHours: $hours, unitId: $unitId) }';
const ADD_HOLIDAY = 'mutation($input: AddHolidayInput!) { addHoliday(input: $input) { id date name kind } }';
const REMOVE_HOLIDAY = 'mutation($id: ID!) { removeHoliday(id: $id) }';
const IMPORT = 'mutation($json: String!) { importHolidays(json: $json) }';
const SET_POLICY =
  'mutation($input: SetSlaPolicyInput!) { setSlaPolicy(input: $input) { urgency workingHours remindAtFraction escalateEveryWorkingHours } }';
const SET_HOURS = 'mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { weekdays start end } }';
const TRAIL = 'query($type: String!, $id: ID!) { auditTrail(entityType: $type, entityId: $id) { action actor { id } } }';

const DEFAULT_POLICIES = [
  { urgency: 'VERY_URGENT', workingHours: 8, remindAtFraction: 0.75, escalateEveryWorkingHours: 8 },
  { urgency: 'URGENT', workingHours: 16, remindAtFraction: 0.75, escalateEveryWorkingHours: 8 },
  { urgency: 'NORMAL', workingHours: 40, remindAtFraction: 0.75, escalateEveryWorkingHours: 8 },
];

/** The first error, for assertions that name the code and the message together. */
const firstError = (res: GraphqlResponse) => ({ code: errorCode(res), message: res.errors?.[0]?.message ?? '' });

describe('working calendar and SLA arithmetic', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;
  let staff: string;
  /** Units in WIT, with a sub-unit, and in WIB; each test that changes one of them creates its own. */
  let jayapura: string;
  let jakarta: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    adminId = (await api.gqlOk<{ me: { id: string } }>('{ me { id } }', undefined, admin)).me.id;
    jayapura = await createUnit(api, admin, { name: 'Dinas Uji Jayapura', timezone: 'Asia/Jayapura' });
    jakarta = await createUnit(api, admin, { name: 'Dinas Uji Jakarta', timezone: 'Asia/Jakarta' });
    staff = (await createPerson(api, admin, { name: 'Staf Kalender', roles: ['STAFF'], unitId: jakarta })).token;
  });

  afterAll(() => api.close());

  const dueAt = async (start: string, hours: number, unitId?: string | null, token = admin): Promise<string> =>
    (await api.gqlOk<{ computeDueAt: string }>(DUE, { start, hours, unitId }, token)).computeDueAt;

  const holidaysOf = async (year: number): Promise<{ id: string; date: string; name: string; kind: string }[]> =>
    (await api.gqlOk<{ holidays: any[] }>(HOLIDAYS, { year }, admin)).holidays;

  const trail = async (type: string, id: string): Promise<{ action: string; actor: { id: string } | null }[]> =>
    (await api.gqlOk<{ auditTrail: any[] }>(TRAIL, { type, id }, admin)).auditTrail;

  describe('what is seeded', () => {
    it('lists the 17 national holidays and 8 cuti bersama days of the 2026 SKB', async () => {
      const all = await holidaysOf(2026);
      const national = all.filter((h) => h.kind === 'NATIONAL');
      const leave = all.filter((h) => h.kind === 'COLLECTIVE_LEAVE');
      expect(national).toHaveLength(17);
      expect(leave).toHaveLength(8);
      const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
      expect(national.map(({ date, name }) => ({ date, name }))).toEqual([...DECREE_2026.national].sort(byDate));
      expect(leave.map(({ date, name }) => ({ date, name }))).toEqual([...DECREE_2026.collectiveLeave].sort(byDate));
      expect(all).toContainEqual(expect.objectContaining({ date: '2026-08-17', name: 'Proklamasi Kemerdekaan', kind: 'NATIONAL' }));
      expect(all).toContainEqual(
        expect.objectContaining({ date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus', kind: 'COLLECTIVE_LEAVE' }),
      );
      // In date order.
      expect(all.map((h) => h.date)).toEqual([...all.map((h) => h.date)].sort());
      // Never a guessed future year.
      expect(await holidaysOf(2035)).toEqual([]);
    });

    it('has the default SLA policies: 8, 16 and 40 working hours, remind at 0.75, escalate every 8', async () => {
      expect((await api.gqlOk<any>(POLICIES, {}, admin)).slaPolicies).toEqual(DEFAULT_POLICIES);
    });

    it('has the default working week Monday–Friday 07:30–16:00, also for a unit without its own setting', async () => {
      expect((await api.gqlOk<any>(WORKING_HOURS, {}, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:30',
        end: '16:00',
      });
      expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: jayapura }, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:30',
        end: '16:00',
      });
    });

    it('lets any signed-in user read the calendar, and nobody anonymous', async () => {
      expect((await api.gqlOk<any>(POLICIES, {}, staff)).slaPolicies).toHaveLength(3);
      expect((await api.gqlOk<any>(HOLIDAYS, { year: 2026 }, staff)).holidays.length).toBeGreaterThanOrEqual(25);
      expect(await dueAt('2026-08-14T06:00:00.000Z', 8, jayapura, staff)).toBe('2026-08-18T05:30:00.000Z');
      expect(errorCode(await api.gql(POLICIES, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('computeDueAt', () => {
    it('counts a letter received Friday 15:00 WIT before Proklamasi (Mon 17 Aug) to Tuesday 14:30 WIT', async () => {
      // Fri 15:00–16:00 WIT is 1 h; Sat, Sun and Mon 17 August are off; Tue 07:30 + 7 h = 14:30 WIT (UTC+9).
      expect(await dueAt('2026-08-14T15:00:00+09:00', 8, jayapura)).toBe('2026-08-18T05:30:00.000Z');
    });

    it('counts the same instant in WIB from 13:00 local: Tuesday 12:30 WIB, the same instant as 14:30 WIT', async () => {
      // 06:00Z is 13:00 WIB: Fri 13:00–16:00 is 3 h; Tue 07:30 + 5 h = 12:30 WIB (UTC+7) = 05:30Z.
      expect(await dueAt('2026-08-14T06:00:00.000Z', 8, jakarta)).toBe('2026-08-18T05:30:00.000Z');
      // Without a unit, the default calendar is counted in WIB.
      expect(await dueAt('2026-08-14T06:00:00.000Z', 8)).toBe('2026-08-18T05:30:00.000Z');
    });

    it('gives a different due time in WIT and WIB when the instant is after hours in one zone only', async () => {
      // 07:30Z is Fri 16:30 WIT (closed) and 14:30 WIB (1.5 h left).
      // WIT: Tue 07:30 + 8 h = 15:30 WIT = 06:30Z. WIB: Tue 07:30 + 6.5 h = 14:00 WIB = 07:00Z.
      expect(await dueAt('2026-08-14T07:30:00.000Z', 8, jayapura)).toBe('2026-08-18T06:30:00.000Z');
      expect(await dueAt('2026-08-14T07:30:00.000Z', 8, jakarta)).toBe('2026-08-18T07:00:00.000Z');
    });

    it('starts counting at the next working morning when the start is on a Saturday', async () => {
      // Sat 15 Aug 10:00 WIB: Sun and Mon 17 Aug are off; Tue 07:30 + 8 h = 15:30 WIB = 08:30Z.
      expect(await dueAt('2026-08-15T10:00:00+07:00', 8, jakarta)).toBe('2026-08-18T08:30:00.000Z');
      // An ordinary Saturday: Sat 22 Aug → Mon 24 Aug 07:30 + 8 h = 15:30 WIB.
      expect(await dueAt('2026-08-22T10:00:00+07:00', 8, jakarta)).toBe('2026-08-24T08:30:00.000Z');
    });

    it('skips cuti bersama and national holidays over a long span', async () => {
      // Fri 13 Mar 2026 16:00 WIB, 40 h = 5 working days of 8.5 h = 42.5 h: Mon 16, Tue 17, Wed 18 (cuti bersama Nyepi),
      // Thu 19 (Nyepi), Fri 20 (cuti bersama), Sat 21/Sun 22 (Idul Fitri), Mon 23/Tue 24 (cuti bersama), Wed 25...
      // Working: Mon 16 (8.5), Tue 17 (8.5), Wed 25 (8.5), Thu 26 (8.5) = 34 h; Fri 27 07:30 + 6 h = 13:30 WIB = 06:30Z.
      expect(await dueAt('2026-03-13T16:00:00+07:00', 40, jakarta)).toBe('2026-03-27T06:30:00.000Z');
    });

    it('refuses nonsense hours, an unreadable start and an unknown unit', async () => {
      const at = '2026-08-14T06:00:00.000Z';
      const hours = await api.gql(DUE, { start: at, hours: 0, unitId: jakarta }, admin);
      expect(firstError(hours)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('workingHours') });
      expect(errorCode(await api.gql(DUE, { start: at, hours: -8 }, admin))).toBe('BAD_USER_INPUT');
      const start = await api.gql(DUE, { start: 'tomorrow', hours: 8 }, admin);
      expect(firstError(start)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('start') });
      expect(errorCode(await api.gql(DUE, { start: at, hours: 8, unitId: '00000000-0000-4000-8000-000000000000' }, admin))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await api.gql(DUE, { start: at, hours: 8, unitId: 'bukan-unit' }, admin))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(WORKING_HOURS, { unitId: 'bukan-unit' }, admin))).toBe('NOT_FOUND');
    });
  });

  describe('holidays (ADMIN)', () => {
    // Mon 31 Aug 2026 15:00 WIB: 1 h that day, Tue 1 Sep 07:30 + 7 h = 14:30 WIB; a day off on Tue 1 Sep moves it to Wed.
    const START = '2026-08-31T15:00:00+07:00';
    const NORMAL_DUE = '2026-09-01T07:30:00.000Z';
    const DAY_LATER = '2026-09-02T07:30:00.000Z';

    it('adds a REGIONAL holiday for a unit and its sub-units only, and removes it again', async () => {
      const province = await createUnit(api, admin, { name: 'Pemprov Uji', timezone: 'Asia/Jakarta' });
      const agency = await createUnit(api, admin, { name: 'Dinas Provinsi Uji', parentId: province });
      const neighbour = await createUnit(api, admin, { name: 'Pemprov Tetangga', timezone: 'Asia/Jakarta' });
      expect(await dueAt(START, 8, agency)).toBe(NORMAL_DUE);

      const { addHoliday } = await api.gqlOk<any>(
        ADD_HOLIDAY,
        { input: { date: '2026-09-01', name: '  Hari Jadi Provinsi Uji  ', kind: 'REGIONAL', unitId: province } },
        admin,
      );
      expect(addHoliday).toMatchObject({ date: '2026-09-01', name: 'Hari Jadi Provinsi Uji', kind: 'REGIONAL' });
      expect(await holidaysOf(2026)).toContainEqual(addHoliday);

      expect(await dueAt(START, 8, province)).toBe(DAY_LATER);
      expect(await dueAt(START, 8, agency)).toBe(DAY_LATER);
      expect(await dueAt(START, 8, neighbour)).toBe(NORMAL_DUE);
      expect(await dueAt(START, 8)).toBe(NORMAL_DUE);

      // The same day again for the same unit is a conflict; for another unit it is a holiday of its own.
      const again = await api.gql(ADD_HOLIDAY, { input: { date: '2026-09-01', name: 'Lagi', kind: 'REGIONAL', unitId: province } }, admin);
      expect(firstError(again)).toEqual({ code: 'CONFLICT', message: expect.stringContaining('2026-09-01') });
      const { addHoliday: neighbours } = await api.gqlOk<any>(
        ADD_HOLIDAY,
        { input: { date: '2026-09-01', name: 'Hari Jadi Tetangga', kind: 'REGIONAL', unitId: neighbour } },
        admin,
      );
      expect(await dueAt(START, 8, neighbour)).toBe(DAY_LATER);

      expect((await api.gqlOk<any>(REMOVE_HOLIDAY, { id: addHoliday.id }, admin)).removeHoliday).toBe(true);
      expect(await dueAt(START, 8, province)).toBe(NORMAL_DUE);
      expect(await dueAt(START, 8, agency)).toBe(NORMAL_DUE);
      expect(await dueAt(START, 8, neighbour)).toBe(DAY_LATER);
      expect((await holidaysOf(2026)).map((h) => h.id)).not.toContain(addHoliday.id);
      expect(errorCode(await api.gql(REMOVE_HOLIDAY, { id: addHoliday.id }, admin))).toBe('NOT_FOUND');

      expect((await api.gqlOk<any>(REMOVE_HOLIDAY, { id: neighbours.id }, admin)).removeHoliday).toBe(true);
      expect(await dueAt(START, 8, neighbour)).toBe(NORMAL_DUE);

      // A sub-unit's own regional holiday does not reach its parent.
      const { addHoliday: agencys } = await api.gqlOk<any>(
        ADD_HOLIDAY,
        { input: { date: '2026-09-01', name: 'Hari Jadi Dinas', kind: 'REGIONAL', unitId: agency } },
        admin,
      );
      expect(await dueAt(START, 8, agency)).toBe(DAY_LATER);
      expect(await dueAt(START, 8, province)).toBe(NORMAL_DUE);
      await api.gqlOk(REMOVE_HOLIDAY, { id: agencys.id }, admin);
      expect(await dueAt(START, 8, agency)).toBe(NORMAL_DUE);

      const events = await trail('Holiday', addHoliday.id);
      expect(events.map((e) => e.action)).toEqual(['holiday.added', 'holiday.removed']);
      expect(events.every((e) => e.actor?.id === adminId)).toBe(true);
    });

    it('refuses a REGIONAL holiday without a unit and a NATIONAL or COLLECTIVE_LEAVE one with a unit', async () => {
      const noUnit = await api.gql(ADD_HOLIDAY, { input: { date: '2031-09-01', name: 'Libur Daerah', kind: 'REGIONAL' } }, admin);
      expect(firstError(noUnit)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('unitId') });
      const national = await api.gql(
        ADD_HOLIDAY,
        { input: { date: '2031-09-01', name: 'Libur Nasional', kind: 'NATIONAL', unitId: jakarta } },
        admin,
      );
      expect(firstError(national)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('unitId') });
      const leave = await api.gql(
        ADD_HOLIDAY,
        { input: { date: '2031-09-01', name: 'Cuti Bersama', kind: 'COLLECTIVE_LEAVE', unitId: jakarta } },
        admin,
      );
      expect(errorCode(leave)).toBe('BAD_USER_INPUT');
      const blank = await api.gql(ADD_HOLIDAY, { input: { date: '2031-09-01', name: '   ', kind: 'NATIONAL' } }, admin);
      expect(errorCode(blank)).toBe('BAD_USER_INPUT');
      const unknownUnit = await api.gql(
        ADD_HOLIDAY,
        { input: { date: '2031-09-01', name: 'Libur', kind: 'REGIONAL', unitId: '00000000-0000-4000-8000-000000000000' } },
        admin,
      );
      expect(errorCode(unknownUnit)).toBe('NOT_FOUND');
      const notAUnit = await api.gql(
        ADD_HOLIDAY,
        { input: { date: '2031-09-01', name: 'Libur', kind: 'REGIONAL', unitId: 'bukan-unit' } },
        admin,
      );
      expect(errorCode(notAUnit)).toBe('NOT_FOUND');
      expect(await holidaysOf(2031)).toEqual([]);
    });

    it('adds NATIONAL and COLLECTIVE_LEAVE days for everyone, refuses a duplicate day, and removes them', async () => {
      // 2031: a year no other suite counts in. Mon 1 Sep 2031 15:00 WIB + 8 h = Tue 2 Sep 14:30 WIB.
      const start = '2031-09-01T15:00:00+07:00';
      // In WIT the same instant is 17:00, after hours: Tue 07:30 + 8 h = 15:30 WIT = 06:30Z.
      expect(await dueAt(start, 8, jayapura)).toBe('2031-09-02T06:30:00.000Z');
      expect(await dueAt(start, 8, jakarta)).toBe('2031-09-02T07:30:00.000Z');
      const ids: string[] = [];
      try {
        const national = (await api.gqlOk<any>(ADD_HOLIDAY, { input: { date: '2031-09-02', name: 'Libur Uji', kind: 'NATIONAL' } }, admin))
          .addHoliday;
        ids.push(national.id);
        expect(national).toMatchObject({ date: '2031-09-02', kind: 'NATIONAL' });
        expect(await dueAt(start, 8, jakarta)).toBe('2031-09-03T07:30:00.000Z');
        expect(await dueAt(start, 8, jayapura)).toBe('2031-09-03T06:30:00.000Z');
        expect(await dueAt(start, 8)).toBe('2031-09-03T07:30:00.000Z');

        const duplicate = await api.gql(ADD_HOLIDAY, { input: { date: '2031-09-02', name: 'Libur Uji Lagi', kind: 'NATIONAL' } }, admin);
        expect(firstError(duplicate)).toEqual({ code: 'CONFLICT', message: expect.stringContaining('2031-09-02') });

        const leave = (
          await api.gqlOk<any>(ADD_HOLIDAY, { input: { date: '2031-09-03', name: 'Cuti Bersama Uji', kind: 'COLLECTIVE_LEAVE' } }, admin)
        ).addHoliday;
        ids.push(leave.id);
        expect(await dueAt(start, 8, jakarta)).toBe('2031-09-04T07:30:00.000Z');
        expect((await holidaysOf(2031)).map((h) => [h.date, h.kind])).toEqual([
          ['2031-09-02', 'NATIONAL'],
          ['2031-09-03', 'COLLECTIVE_LEAVE'],
        ]);
      } finally {
        for (const id of ids) await api.gqlOk(REMOVE_HOLIDAY, { id }, admin);
      }
      expect(await holidaysOf(2031)).toEqual([]);
      expect(await dueAt(start, 8, jakarta)).toBe('2031-09-02T07:30:00.000Z');
      expect((await trail('Holiday', ids[0])).map((e) => e.action)).toEqual(['holiday.added', 'holiday.removed']);
    });

    it('refuses to add a day already in the 2026 decree again', async () => {
      const res = await api.gql(ADD_HOLIDAY, { input: { date: '2026-08-17', name: 'Proklamasi Kemerdekaan', kind: 'NATIONAL' } }, admin);
      expect(firstError(res)).toEqual({ code: 'CONFLICT', message: expect.stringContaining('2026-08-17') });
      expect((await holidaysOf(2026)).filter((h) => h.date === '2026-08-17' && h.kind === 'NATIONAL')).toHaveLength(1);
    });

    it('removing an unknown holiday is NOT_FOUND', async () => {
      expect(errorCode(await api.gql(REMOVE_HOLIDAY, { id: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(REMOVE_HOLIDAY, { id: 'bukan-libur' }, admin))).toBe('NOT_FOUND');
    });
  });

  describe('importHolidays (ADMIN)', () => {
    const decree = (days: { national?: [string, string][]; collectiveLeave?: [string, string][] }) =>
      JSON.stringify({
        source: 'SKB uji (test data, not a real decree) tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027',
        year: 2027,
        national: (days.national ?? []).map(([date, name]) => ({ date, name })),
        collectiveLeave: (days.collectiveLeave ?? []).map(([date, name]) => ({ date, name })),
      });
    const NATIONAL: [string, string][] = [
      ['2027-01-01', 'Tahun Baru 2027 Masehi'],
      ['2027-08-17', 'Proklamasi Kemerdekaan'],
    ];
    const LEAVE: [string, string][] = [['2027-08-16', 'Cuti bersama Proklamasi Kemerdekaan (uji)']];

    afterAll(async () => {
      // Take the test year's days out again, so that no later suite counts with them.
      for (const h of await holidaysOf(2027)) if (h.kind !== 'REGIONAL') await api.gqlOk(REMOVE_HOLIDAY, { id: h.id }, admin);
    });

    it('adds the days of a decree once; a second import adds none and a longer one only the new days', async () => {
      expect(await holidaysOf(2027)).toEqual([]);
      // Fri 13 Aug 2027 15:00 WIB + 8 h: Mon 16 Aug 07:30 + 7 h = 14:30 WIB.
      expect(await dueAt('2027-08-13T15:00:00+07:00', 8, jakarta)).toBe('2027-08-16T07:30:00.000Z');

      expect((await api.gqlOk<any>(IMPORT, { json: decree({ national: NATIONAL, collectiveLeave: LEAVE }) }, admin)).importHolidays).toBe(
        3,
      );
      expect((await holidaysOf(2027)).map(({ date, name, kind }) => ({ date, name, kind }))).toEqual([
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL' },
        { date: '2027-08-16', name: 'Cuti bersama Proklamasi Kemerdekaan (uji)', kind: 'COLLECTIVE_LEAVE' },
        { date: '2027-08-17', name: 'Proklamasi Kemerdekaan', kind: 'NATIONAL' },
      ]);
      // Mon 16 and Tue 17 Aug off: Wed 18 Aug 14:30 WIB.
      expect(await dueAt('2027-08-13T15:00:00+07:00', 8, jakarta)).toBe('2027-08-18T07:30:00.000Z');

      expect((await api.gqlOk<any>(IMPORT, { json: decree({ national: NATIONAL, collectiveLeave: LEAVE }) }, admin)).importHolidays).toBe(
        0,
      );
      expect(await holidaysOf(2027)).toHaveLength(3);

      const longer = decree({ national: [...NATIONAL, ['2027-12-25', 'Kelahiran Yesus Kristus']], collectiveLeave: LEAVE });
      expect((await api.gqlOk<any>(IMPORT, { json: longer }, admin)).importHolidays).toBe(1);
      expect(await holidaysOf(2027)).toHaveLength(4);

      const events = await trail('HolidayYear', '2027');
      expect(events.map((e) => e.action)).toEqual(['holiday.imported', 'holiday.imported', 'holiday.imported']);
      expect(events.every((e) => e.actor?.id === adminId)).toBe(true);
    });

    it('imports the 2026 decree file itself as 0 new days', async () => {
      expect((await api.gqlOk<any>(IMPORT, { json: holidayDecreeJson(2026) }, admin)).importHolidays).toBe(0);
    });

    it('refuses malformed decrees with BAD_USER_INPUT naming the problem, and adds nothing', async () => {
      const cases: [string, string][] = [
        ['{ "year": 2027, ', 'bukan JSON yang sah'],
        [JSON.stringify({ source: 'SKB uji', national: [], collectiveLeave: [] }), '"year"'],
        [JSON.stringify({ year: 2027, national: [], collectiveLeave: [] }), '"source"'],
        [JSON.stringify({ source: 'SKB uji', year: 2027, collectiveLeave: [] }), '"national"'],
        [decree({ national: [['2027-02-30', 'Tidak Ada']] }), 'national[0]'],
        [decree({ national: [['17-08-2027', 'Proklamasi']] }), 'national[0]'],
        [decree({ national: NATIONAL, collectiveLeave: [['2028-01-02', 'Tahun Lain']] }), 'collectiveLeave[0]'],
        [decree({ national: [['2027-05-01', '  ']] }), 'national[0]'],
      ];
      const before = (await holidaysOf(2027)).length;
      for (const [json, problem] of cases) {
        const res = await api.gql(IMPORT, { json }, admin);
        expect({ json, ...firstError(res) }).toEqual({ json, code: 'BAD_USER_INPUT', message: expect.stringContaining(problem) });
      }
      expect(await holidaysOf(2027)).toHaveLength(before);
      expect(await holidaysOf(2028)).toEqual([]);
    });
  });

  describe('working hours (ADMIN)', () => {
    it("sets a unit's working week, which its sub-unit inherits and others do not", async () => {
      const unit = await createUnit(api, admin, { name: `Kecamatan Uji ${uniqueSuffix()}`, timezone: 'Asia/Jakarta' });
      const sub = await createUnit(api, admin, { name: 'Kelurahan Uji', parentId: unit });
      // Fri 14 Aug 2026 13:00 WIB + 8 h in the default week: Tue 18 Aug 07:30 + 5 h = 12:30 WIB.
      const start = '2026-08-14T13:00:00+07:00';
      expect(await dueAt(start, 8, sub)).toBe('2026-08-18T05:30:00.000Z');

      const { setWorkingHours } = await api.gqlOk<any>(
        SET_HOURS,
        { input: { unitId: unit, weekdays: [6, 1, 2, 3, 4, 5, 1], start: '08:00', end: '14:00' } },
        admin,
      );
      expect(setWorkingHours).toEqual({ weekdays: [1, 2, 3, 4, 5, 6], start: '08:00', end: '14:00' });
      const expected = { weekdays: [1, 2, 3, 4, 5, 6], start: '08:00', end: '14:00' };
      expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: unit }, admin)).workingHours).toEqual(expected);
      expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: sub }, admin)).workingHours).toEqual(expected);
      expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: jakarta }, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:30',
        end: '16:00',
      });
      expect((await api.gqlOk<any>(WORKING_HOURS, {}, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:30',
        end: '16:00',
      });

      // Fri 13:00–14:00 is 1 h, Sat 15 Aug 08:00–14:00 is 6 h, Sun and Mon 17 Aug off, Tue 08:00 + 1 h = 09:00 WIB.
      expect(await dueAt(start, 8, unit)).toBe('2026-08-18T02:00:00.000Z');
      expect(await dueAt(start, 8, sub)).toBe('2026-08-18T02:00:00.000Z');
      expect(await dueAt(start, 8, jakarta)).toBe('2026-08-18T05:30:00.000Z');

      // The sub-unit's own setting wins over its parent's.
      await api.gqlOk(SET_HOURS, { input: { unitId: sub, weekdays: [1, 2, 3, 4, 5], start: '07:00', end: '15:00' } }, admin);
      expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: sub }, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:00',
        end: '15:00',
      });
      // Fri 13:00–15:00 is 2 h; Tue 07:00 + 6 h = 13:00 WIB.
      expect(await dueAt(start, 8, sub)).toBe('2026-08-18T06:00:00.000Z');
      expect(await dueAt(start, 8, unit)).toBe('2026-08-18T02:00:00.000Z');

      const events = await trail('WorkingHours', unit);
      expect(events.map((e) => e.action)).toEqual(['working-hours.set']);
      expect(events[0].actor?.id).toBe(adminId);
    });

    it('refuses bad working hours with BAD_USER_INPUT naming the problem, and keeps the old ones', async () => {
      const unit = await createUnit(api, admin, { name: 'Unit Jam Salah', timezone: 'Asia/Makassar' });
      const cases: [Record<string, unknown>, string][] = [
        [{ weekdays: [1, 2, 8], start: '08:00', end: '14:00' }, 'weekdays'],
        [{ weekdays: [0, 1], start: '08:00', end: '14:00' }, 'weekdays'],
        [{ weekdays: [], start: '08:00', end: '14:00' }, 'weekdays'],
        [{ weekdays: [1, 2, 3], start: '14:00', end: '08:00' }, 'berakhir setelah dimulai'],
        [{ weekdays: [1, 2, 3], start: '08:00', end: '08:00' }, 'berakhir setelah dimulai'],
        [{ weekdays: [1, 2, 3], start: '25:00', end: '26:00' }, '25:00'],
        [{ weekdays: [1, 2, 3], start: '08:00', end: '8 sore' }, '8 sore'],
        [{ weekdays: [1, 2, 3], start: '07:60', end: '14:00' }, '07:60'],
      ];
      for (const [input, problem] of cases) {
        const res = await api.gql(SET_HOURS, { input: { unitId: unit, ...input } }, admin);
        expect({ input, ...firstError(res) }).toEqual({ input, code: 'BAD_USER_INPUT', message: expect.stringContaining(problem) });
      }
      expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: unit }, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:30',
        end: '16:00',
      });
      expect(await trail('WorkingHours', unit)).toEqual([]);
      const unknown = await api.gql(
        SET_HOURS,
        { input: { unitId: '00000000-0000-4000-8000-000000000000', weekdays: [1], start: '08:00', end: '14:00' } },
        admin,
      );
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      const notAUnit = await api.gql(SET_HOURS, { input: { unitId: 'bukan-unit', weekdays: [1], start: '08:00', end: '14:00' } }, admin);
      expect(errorCode(notAUnit)).toBe('NOT_FOUND');
    });

    it('sets and puts back the default week for units without their own', async () => {
      const unit = await createUnit(api, admin, { name: 'Unit Tanpa Jam', timezone: 'Asia/Jakarta' });
      const start = '2026-08-14T13:00:00+07:00';
      try {
        await api.gqlOk(SET_HOURS, { input: { weekdays: [1, 2, 3, 4, 5, 6], start: '08:00', end: '14:00' } }, admin);
        expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: unit }, admin)).workingHours).toEqual({
          weekdays: [1, 2, 3, 4, 5, 6],
          start: '08:00',
          end: '14:00',
        });
        expect(await dueAt(start, 8, unit)).toBe('2026-08-18T02:00:00.000Z');
      } finally {
        await api.gqlOk(SET_HOURS, { input: { unitId: null, weekdays: [1, 2, 3, 4, 5], start: '07:30', end: '16:00' } }, admin);
      }
      expect((await api.gqlOk<any>(WORKING_HOURS, {}, admin)).workingHours).toEqual({
        weekdays: [1, 2, 3, 4, 5],
        start: '07:30',
        end: '16:00',
      });
      expect(await dueAt(start, 8, unit)).toBe('2026-08-18T05:30:00.000Z');
      expect((await trail('WorkingHours', 'default')).map((e) => e.action).slice(-2)).toEqual(['working-hours.set', 'working-hours.set']);
    });
  });

  describe('SLA policies (ADMIN)', () => {
    it('changes a policy, keeps what is not given, and puts it back', async () => {
      try {
        const { setSlaPolicy } = await api.gqlOk<any>(
          SET_POLICY,
          { input: { urgency: 'URGENT', workingHours: 12, remindAtFraction: 0.5, escalateEveryWorkingHours: 4 } },
          admin,
        );
        expect(setSlaPolicy).toEqual({ urgency: 'URGENT', workingHours: 12, remindAtFraction: 0.5, escalateEveryWorkingHours: 4 });
        expect((await api.gqlOk<any>(POLICIES, {}, staff)).slaPolicies).toEqual([
          DEFAULT_POLICIES[0],
          { urgency: 'URGENT', workingHours: 12, remindAtFraction: 0.5, escalateEveryWorkingHours: 4 },
          DEFAULT_POLICIES[2],
        ]);
        // Only the hours: the reminder share and the escalation step stay.
        const hoursOnly = await api.gqlOk<any>(SET_POLICY, { input: { urgency: 'URGENT', workingHours: 20 } }, admin);
        expect(hoursOnly.setSlaPolicy).toEqual({
          urgency: 'URGENT',
          workingHours: 20,
          remindAtFraction: 0.5,
          escalateEveryWorkingHours: 4,
        });
      } finally {
        await api.gqlOk(SET_POLICY, { input: DEFAULT_POLICIES[1] }, admin);
      }
      expect((await api.gqlOk<any>(POLICIES, {}, admin)).slaPolicies).toEqual(DEFAULT_POLICIES);

      const events = await trail('SlaPolicy', 'URGENT');
      expect(events.map((e) => e.action)).toEqual(['sla-policy.set', 'sla-policy.set', 'sla-policy.set']);
      expect(events.every((e) => e.actor?.id === adminId)).toBe(true);
    });

    it('refuses bad policies with BAD_USER_INPUT naming the field, and changes nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ urgency: 'NORMAL', workingHours: 40, remindAtFraction: 1.5 }, 'remindAtFraction'],
        [{ urgency: 'NORMAL', workingHours: 40, remindAtFraction: 0 }, 'remindAtFraction'],
        [{ urgency: 'NORMAL', workingHours: 40, remindAtFraction: 1 }, 'remindAtFraction'],
        [{ urgency: 'NORMAL', workingHours: 0 }, 'workingHours'],
        [{ urgency: 'NORMAL', workingHours: -5 }, 'workingHours'],
        [{ urgency: 'NORMAL', workingHours: 40, escalateEveryWorkingHours: 0 }, 'escalateEveryWorkingHours'],
      ];
      for (const [input, field] of cases) {
        const res = await api.gql(SET_POLICY, { input }, admin);
        expect({ input, ...firstError(res) }).toEqual({ input, code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
      }
      // An urgency that does not exist never reaches the resolver: 400, naming the value.
      const unknown = await api.gql(SET_POLICY, { input: { urgency: 'SUPER_URGENT', workingHours: 1 } }, admin);
      expect(unknown.status).toBe(400);
      expect(unknown.errors?.[0]?.message).toContain('SUPER_URGENT');
      expect((await api.gqlOk<any>(POLICIES, {}, admin)).slaPolicies).toEqual(DEFAULT_POLICIES);
      expect(await trail('SlaPolicy', 'NORMAL')).toEqual([]);
    });
  });

  it('refuses every calendar mutation to a STAFF user with FORBIDDEN, changing nothing', async () => {
    // A day of our own to try to remove, so that a broken check would not take a national holiday away.
    const unit = await createUnit(api, admin, { name: 'Unit Libur Staf', timezone: 'Asia/Jakarta' });
    const holidayId = (
      await api.gqlOk<any>(ADD_HOLIDAY, { input: { date: '2026-10-05', name: 'Libur Unit Staf', kind: 'REGIONAL', unitId: unit } }, admin)
    ).addHoliday.id;
    const attempts: [string, Record<string, unknown>][] = [
      [ADD_HOLIDAY, { input: { date: '2026-09-01', name: 'Libur Staf', kind: 'REGIONAL', unitId: jakarta } }],
      [ADD_HOLIDAY, { input: { date: '2031-01-02', name: 'Libur Staf', kind: 'NATIONAL' } }],
      [REMOVE_HOLIDAY, { id: holidayId }],
      [
        IMPORT,
        { json: JSON.stringify({ source: 'SKB staf', year: 2031, national: [{ date: '2031-01-02', name: 'X' }], collectiveLeave: [] }) },
      ],
      [SET_POLICY, { input: { urgency: 'NORMAL', workingHours: 1 } }],
      [SET_HOURS, { input: { unitId: jakarta, weekdays: [1], start: '08:00', end: '09:00' } }],
      [SET_HOURS, { input: { weekdays: [1], start: '08:00', end: '09:00' } }],
    ];
    for (const [query, variables] of attempts) {
      const res = await api.gql(query, variables, staff);
      expect({ query, code: errorCode(res) }).toEqual({ query, code: 'FORBIDDEN' });
    }
    expect((await holidaysOf(2026)).map((h) => h.id)).toContain(holidayId);
    await api.gqlOk(REMOVE_HOLIDAY, { id: holidayId }, admin);
    expect(await holidaysOf(2031)).toEqual([]);
    expect((await api.gqlOk<any>(POLICIES, {}, admin)).slaPolicies).toEqual(DEFAULT_POLICIES);
    expect((await api.gqlOk<any>(WORKING_HOURS, { unitId: jakarta }, admin)).workingHours).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      start: '07:30',
      end: '16:00',
    });
  });
});
