import { localDate } from '@gesit/calendar';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { appointPlh, createAgency, createPerson } from '../harness/org';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const FIELDS = 'id kind workMode weekdays startTime endTime startsOn endsOn reason status decisionNote user { id } decidedBy { id }';
const REQUEST = `mutation($input: RequestWorkArrangementInput!) { requestWorkArrangement(input: $input) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $note: String) { decideWorkArrangement(id: $id, approve: $approve, note: $note) { ${FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $note: String!) { revokeWorkArrangement(id: $id, note: $note) { ${FIELDS} } }`;

const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('flexible-work arrangements', () => {
  let api: TestApi;
  let org: Agency;
  let admin: string;
  let from: string;
  let to: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    org = await createAgency(api, admin);
    from = localDate(new Date(), 'Asia/Jakarta');
    to = shift(from, 27);
  });

  afterAll(() => api.close());

  const person = (name: string) =>
    createPerson(api, admin, { name, roles: ['STAFF'], unitId: org.division, superiorId: org.division1.positionId });
  const request = (input: Record<string, unknown>, token: string) =>
    api.gql<{ requestWorkArrangement: any }>(
      REQUEST,
      { input: { kind: 'LOCATION', workMode: 'HOME', startsOn: from, endsOn: to, reason: 'Merawat orang tua yang sakit', ...input } },
      token,
    );
  const requested = async (input: Record<string, unknown>, token: string) => {
    const res = await request(input, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.requestWorkArrangement;
  };
  const decide = (id: string, approve: boolean, token: string, note?: string) =>
    api.gql<{ decideWorkArrangement: any }>(DECIDE, { id, approve, note }, token);

  it('counts location days of every approved arrangement of the same weeks against the weekly limit', async () => {
    const p = await person('Pegawai Fleksibel Satu');
    const tooMany = await request({ weekdays: [1, 2, 3] }, p.token);
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].message).toBe(
      'Fleksibilitas lokasi paling banyak 2 hari kerja seminggu (PermenPAN-RB 4/2025 Pasal 13); Anda meminta 3 hari.',
    );

    const mondays = await requested({ weekdays: [1] }, p.token);
    expect(mondays).toMatchObject({ status: 'SUBMITTED', weekdays: [1], user: { id: p.id } });
    const approved = (await decide(mondays.id, true, org.division1.token)).data!.decideWorkArrangement;
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: { id: org.division1.id } });

    // A second arrangement for the same weeks: Tuesday and Wednesday would make three days with the approved Monday.
    const third = await request({ weekdays: [2, 3], workMode: 'ANYWHERE', endsOn: shift(from, 13) }, p.token);
    expect(errorCode(third)).toBe('BAD_USER_INPUT');
    expect(third.errors![0].message).toMatch(
      /^Pada minggu mulai \d{4}-\d\d-\d\d hari kerja di luar kantor menjadi 3 \(Senin, Selasa, Rabu\) bersama pengaturan yang sudah disetujui, melebihi batas 2 hari seminggu/,
    );
    const tuesdays = await requested({ weekdays: [2], workMode: 'ANYWHERE', endsOn: shift(from, 13) }, p.token);
    expect((await decide(tuesdays.id, true, org.division1.token)).data!.decideWorkArrangement.status).toBe('APPROVED');

    // The same weekday twice in overlapping periods is an overlap.
    const overlap = await request({ weekdays: [1], startsOn: shift(from, 7), endsOn: shift(from, 40) }, p.token);
    expect(errorCode(overlap)).toBe('CONFLICT');
    expect(overlap.errors![0].message).toMatch(
      /bertumpang tindih dengan fleksibilitas lokasi .* \(disetujui \(APPROVED\)\) pada \d{4}-\d\d-\d\d/,
    );
  });

  it('checks the limit again when approving, since requests that fit alone may not fit together', async () => {
    const p = await person('Pegawai Fleksibel Dua');
    const a = await requested({ weekdays: [1] }, p.token);
    const b = await requested({ weekdays: [2] }, p.token);
    const c = await requested({ weekdays: [3] }, p.token);
    expect((await decide(a.id, true, org.division1.token)).data!.decideWorkArrangement.status).toBe('APPROVED');
    expect((await decide(b.id, true, org.division1.token)).data!.decideWorkArrangement.status).toBe('APPROVED');
    const third = await decide(c.id, true, org.division1.token);
    expect(errorCode(third)).toBe('BAD_USER_INPUT');
    expect(third.errors![0].message).toMatch(/menjadi 3 \(Senin, Selasa, Rabu\)/);
    const rejected = await decide(c.id, false, org.division1.token);
    expect(errorCode(rejected)).toBe('BAD_USER_INPUT');
    expect(rejected.errors![0].message).toBe('Tuliskan alasan penolakan pengajuan Pegawai Fleksibel Dua.');
    expect((await decide(c.id, false, org.division1.token, 'Kebutuhan layanan di kantor')).data!.decideWorkArrangement).toMatchObject({
      status: 'REJECTED',
      decisionNote: 'Kebutuhan layanan di kantor',
    });

    const revoked = await api.gqlOk<any>(REVOKE, { id: a.id, note: 'Sudah tidak diperlukan' }, p.token);
    expect(revoked.revokeWorkArrangement.status).toBe('REVOKED');
    const listed = await api.gqlOk<any>(
      'query($userId: ID, $status: [WorkArrangementStatus!]) { workArrangements(userId: $userId, status: $status) { id } }',
      { userId: p.id, status: ['APPROVED'] },
      org.division1.token,
    );
    expect(listed.workArrangements).toEqual([{ id: b.id }]);
  });

  it("lists the requests waiting for a leader's decision, page by page, and for their Plh while they are away", async () => {
    // An agency of its own: the Plh appointed here must not act in the other tests.
    const own = await createAgency(api, admin);
    const staffOf = (name: string) =>
      createPerson(api, admin, { name, roles: ['STAFF'], unitId: own.division, superiorId: own.division1.positionId });
    const TO_DECIDE =
      'query($first: Int, $after: String) { workArrangementsToDecide(first: $first, after: $after) { id status user { name } } }';
    const toDecide = async (token: string, first?: number, after?: string) =>
      (await api.gqlOk<any>(TO_DECIDE, { first, after }, token)).workArrangementsToDecide as { id: string; user: { name: string } }[];
    const a = await staffOf('Pengaju Pertama');
    const b = await staffOf('Pengaju Kedua');
    const first = await requested({ weekdays: [1] }, a.token);
    const second = await requested({ weekdays: [2] }, b.token);
    const decided = await requested({ weekdays: [3] }, b.token);
    expect((await decide(decided.id, true, own.division1.token)).data!.decideWorkArrangement.status).toBe('APPROVED');

    expect((await toDecide(own.division1.token)).map((r) => r.id)).toEqual([first.id, second.id]);
    const page1 = await toDecide(own.division1.token, 1);
    expect(page1).toEqual([{ id: first.id, status: 'SUBMITTED', user: { name: 'Pengaju Pertama' } }]);
    expect((await toDecide(own.division1.token, 1, page1[0].id)).map((r) => r.id)).toEqual([second.id]);
    expect(await toDecide(own.division1.token, 1, second.id)).toEqual([]);
    // The head above the head of division does not decide these, nor does the other head of division, nor the person.
    expect(await toDecide(own.head.token)).toEqual([]);
    expect(await toDecide(own.division2.token)).toEqual([]);
    expect(await toDecide(a.token)).toEqual([]);

    await appointPlh(api, own.division1.token, own.division2.id);
    expect((await toDecide(own.division2.token)).map((r) => r.id)).toEqual([first.id, second.id]);
    await decide(first.id, true, own.division2.token);
    expect((await toDecide(own.division1.token)).map((r) => r.id)).toEqual([second.id]);

    const bad = await api.gql(TO_DECIDE, { after: 'bukan-id' }, own.division1.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toBe('"after" harus id pengajuan terakhir yang Anda terima.');
  });

  it('lets only the head of the unit, or their Plh, decide; shifted hours are checked', async () => {
    const p = await person('Pegawai Fleksibel Tiga');
    const badHours = await request({ kind: 'TIME', workMode: null, weekdays: [], startTime: '15:00', endTime: '06:30' }, p.token);
    expect(errorCode(badHours)).toBe('BAD_USER_INPUT');
    expect(badHours.errors![0].message).toBe('Jam selesai 06:30 harus setelah jam mulai 15:00.');
    const hours = await requested({ kind: 'TIME', workMode: null, weekdays: [], startTime: '06:30', endTime: '15:00' }, p.token);
    expect(hours).toMatchObject({ kind: 'TIME', startTime: '06:30', endTime: '15:00', workMode: null });

    const byHead = await decide(hours.id, true, org.head.token);
    expect(errorCode(byHead)).toBe('FORBIDDEN');
    expect(byHead.errors![0].message).toMatch(/dari Pegawai Fleksibel Tiga diputuskan oleh atasannya \(kepala unit\) atau Plh\/Plt-nya/);
    const byStranger = await decide(hours.id, true, org.stranger.token);
    expect(errorCode(byStranger)).toBe('NOT_FOUND');

    await appointPlh(api, org.division1.token, org.division2.id);
    const byPlh = (await decide(hours.id, true, org.division2.token)).data!.decideWorkArrangement;
    expect(byPlh).toMatchObject({ status: 'APPROVED', decidedBy: { id: org.division2.id } });
  });
});
