import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken, randomNip, uniqueSuffix } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { appointPlh, createPerson, createUnit } from '../harness/org';

const PEOPLE = `query($filter: PeopleFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name nip unit { id } away } }
  }
}`;
const CHART = `query {
  units { id code head { id title holder { name } } positions { id title holder { name } subordinates { title } } }
}`;
const CANDIDATES = `query($id: ID!, $search: String) {
  dispositionCandidates(assignmentId: $id, search: $search) { id name away actingBy { id name } }
}`;

type Person = Awaited<ReturnType<typeof createPerson>>;

/**
 * A Badan with two bidang, names as Indonesians write them (titles, diacritics), and a unit of its own so
 * that searches scoped to it see only these people whatever else the test database holds.
 */
describe('the staff directory', () => {
  let api: TestApi;
  let admin: string;
  let badan: string;
  let bidang1: string;
  let bidang2: string;
  let head: Person;
  let kabid1: Person;
  let kabid2: Person;
  let analis: Person;
  let pranata: Person;
  let clerk: Person;
  const tag = uniqueSuffix();

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    badan = await createUnit(api, admin, { code: `BKD${tag}`, name: 'Badan Kepegawaian Daerah' });
    bidang1 = await createUnit(api, admin, { code: `MUT${tag}`, name: 'Bidang Mutasi', parentId: badan });
    bidang2 = await createUnit(api, admin, { code: `PKP${tag}`, name: 'Bidang Pengembangan Kompetensi', parentId: badan });
    head = await createPerson(api, admin, { name: 'Dr. Hendra Wijaya, M.Si.', title: 'Kepala Badan', roles: ['LEADER'], unitId: badan });
    clerk = await createPerson(api, admin, {
      name: 'Siti Aminah',
      title: 'Pengadministrasi Umum',
      roles: ['CLERK'],
      unitId: badan,
      superiorId: head.positionId,
    });
    kabid1 = await createPerson(api, admin, {
      name: 'Agus Setiawan, S.Kom.',
      title: 'Kepala Bidang Mutasi',
      roles: ['LEADER'],
      unitId: bidang1,
      superiorId: head.positionId,
    });
    kabid2 = await createPerson(api, admin, {
      name: 'Ni Luh Putu Ayu Sukmàwati',
      title: 'Kepala Bidang Pengembangan Kompetensi',
      roles: ['LEADER'],
      unitId: bidang2,
      superiorId: head.positionId,
    });
    analis = await createPerson(api, admin, {
      name: 'Fajar Nugroho',
      title: 'Analis Kepegawaian',
      roles: ['STAFF'],
      unitId: bidang1,
      superiorId: kabid1.positionId,
    });
    pranata = await createPerson(api, admin, {
      name: 'Rina Marlina',
      title: 'Pranata Komputer',
      roles: ['STAFF'],
      unitId: bidang2,
      superiorId: kabid2.positionId,
    });
  });

  afterAll(() => api.close());

  async function search(filter: Record<string, unknown>, token = pranata.token, first?: number, after?: string) {
    return (await api.gqlOk(PEOPLE, { filter: { unitId: badan, includeSubUnits: true, ...filter }, first, after }, token)).people;
  }
  const names = (conn: { edges: { node: { name: string } }[] }) => conn.edges.map((e) => e.node.name);

  it('finds a person by name whatever the case, word order, titles and small typos', async () => {
    for (const text of ['hendra wijaya', 'WIJAYA Hendra', 'Dr Hendra Wijaya', 'Hendra Wijaya, M.Si', 'hendra wijya', 'hendar']) {
      expect({ text, found: names(await search({ search: text })) }).toEqual({ text, found: ['Dr. Hendra Wijaya, M.Si.'] });
    }
    expect(names(await search({ search: 'sukmawati' }))).toEqual(['Ni Luh Putu Ayu Sukmàwati']);
    expect(names(await search({ search: 'zzzz qqqq' }))).toEqual([]);
  });

  it('finds people by position title, e-mail and NIP prefix', async () => {
    expect(names(await search({ search: 'kepala bidang' })).sort()).toEqual(['Agus Setiawan, S.Kom.', 'Ni Luh Putu Ayu Sukmàwati']);
    expect(names(await search({ search: 'analis kepegawaian' }))).toEqual(['Fajar Nugroho']);
    expect(names(await search({ search: analis.email }))).toEqual(['Fajar Nugroho']);
    const byNip = await search({ search: pranata.nip.slice(0, 14) });
    expect(names(byNip)).toContain('Rina Marlina');
    expect(byNip.edges.every((e: { node: { nip: string } }) => e.node.nip.startsWith(pranata.nip.slice(0, 14)))).toBe(true);
  });

  it('searches a unit alone or its whole subtree, and by role', async () => {
    expect(names(await search({ unitId: bidang1, includeSubUnits: false })).sort()).toEqual(['Agus Setiawan, S.Kom.', 'Fajar Nugroho']);
    expect(names(await search({ includeSubUnits: false })).sort()).toEqual(['Dr. Hendra Wijaya, M.Si.', 'Siti Aminah']);
    const all = await search({});
    expect(all.totalCount).toBe(6);
    expect(names(await search({ roles: ['LEADER'] })).sort()).toEqual([
      'Agus Setiawan, S.Kom.',
      'Dr. Hendra Wijaya, M.Si.',
      'Ni Luh Putu Ayu Sukmàwati',
    ]);
    expect(all.edges.find((e: { node: { id: string } }) => e.node.id === analis.id).node.unit).toEqual({ id: bidang1 });
  });

  it('pages through the directory with keyset cursors, no one twice and no one skipped', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search({}, clerk.token, 4, after);
      seen.push(...names(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const res = await api.gql(PEOPLE, { filter: { search: 'a' }, after: 'bm90IGEgY3Vyc29y' }, clerk.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it("keeps each person's pangkat/golongan as given, and refuses one too long to print", async () => {
    const create = `mutation($input: CreateUserInput!) { createUser(input: $input) { id rank } }`;
    const input = (nip: string, rank: string) => ({
      nip,
      name: 'Bambang Sutrisno',
      email: `${nip}@example.go.id`,
      password: 'Rahasia#Uji2026',
      roles: ['STAFF'],
      rank,
    });
    const { createUser } = await api.gqlOk(create, { input: input(randomNip(), '  Penata Muda  Tingkat I (III/b) ') }, admin);
    expect(createUser.rank).toBe('Penata Muda Tingkat I (III/b)');
    const refused = await api.gql(create, { input: input(randomNip(), 'x'.repeat(81)) }, admin);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/Pangkat\/golongan terlalu panjang/);
  });

  it('refuses a search nobody could have meant', async () => {
    expect(errorCode(await api.gql(PEOPLE, { filter: { search: 'a\u0000b' } }, clerk.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(PEOPLE, { filter: { search: 'x'.repeat(101) } }, clerk.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(PEOPLE, { filter: { unitId: 'nope' } }, clerk.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(PEOPLE, {}))).toBe('UNAUTHENTICATED');
  });

  it('draws the organisation chart in one query: heads, positions and who is below whom', async () => {
    const { units } = await api.gqlOk(CHART, undefined, clerk.token);
    const top = units.find((u: { id: string }) => u.id === badan);
    expect(top.head).toMatchObject({ title: 'Kepala Badan', holder: { name: 'Dr. Hendra Wijaya, M.Si.' } });
    expect(top.positions.map((p: { title: string }) => p.title)).toEqual(['Kepala Badan', 'Pengadministrasi Umum']);
    expect(top.positions[0].subordinates.map((p: { title: string }) => p.title)).toEqual([
      'Kepala Bidang Mutasi',
      'Kepala Bidang Pengembangan Kompetensi',
      'Pengadministrasi Umum',
    ]);
    const mutasi = units.find((u: { id: string }) => u.id === bidang1);
    expect(mutasi.head).toMatchObject({ title: 'Kepala Bidang Mutasi', holder: { name: 'Agus Setiawan, S.Kom.' } });
  });

  it('offers the people below the holder of an assignment, nearest first, and shows who acts for whom', async () => {
    const { assignmentId } = await registerIncomingLetter(api, clerk.token, {
      number: `800/${tag}/BKN/2026`,
      subject: 'Undangan sosialisasi manajemen talenta',
      senderName: 'Badan Kepegawaian Negara',
      addresseeIds: [head.id],
    });

    // Kabid Mutasi is away: Kabid PKP acts for him.
    await appointPlh(api, kabid1.token, kabid2.id);
    const all = (await api.gqlOk(CANDIDATES, { id: assignmentId }, head.token)).dispositionCandidates;
    expect(all.map((u: { name: string }) => u.name)).toEqual([
      'Agus Setiawan, S.Kom.',
      'Ni Luh Putu Ayu Sukmàwati',
      'Siti Aminah',
      'Fajar Nugroho',
      'Rina Marlina',
    ]);
    expect(all[0]).toMatchObject({ away: true, actingBy: { id: kabid2.id, name: 'Ni Luh Putu Ayu Sukmàwati' } });
    expect(all[1]).toMatchObject({ away: false, actingBy: null });
    const found = (await api.gqlOk(CANDIDATES, { id: assignmentId, search: 'mutasi' }, head.token)).dispositionCandidates;
    expect(found.map((u: { name: string }) => u.name)).toEqual(['Agus Setiawan, S.Kom.']);

    // A colleague who can see nothing of the letter learns nothing; someone below who can read it is told it is not theirs.
    expect(errorCode(await api.gql(CANDIDATES, { id: assignmentId }, pranata.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(CANDIDATES, { id: '00000000-0000-4000-8000-000000000000' }, head.token))).toBe('NOT_FOUND');
  });
});
