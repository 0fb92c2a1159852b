import { ChainOfCommandService, PeopleDirectory, Role } from '@gesit/identity';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken, createSignedInTestUser, createTestUser, randomNip, TEST_PASSWORD, uniqueSuffix } from '../harness/identity';
import { createOrg, TestOrg } from '../harness/org';

const CREATE_UNIT = 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code name timezone parent { id } } }';
const CREATE_POSITION =
  'mutation($input: CreatePositionInput!) { createPosition(input: $input) { id title unit { id } superior { id } holder { id } } }';
const CREATE_USER =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { id nip email roles mfaEnabled position { id title } } }';

describe('units, positions and users', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
  });

  afterAll(() => api.close());

  it('builds a unit tree whose time zone defaults to the parent’s, then WIB', async () => {
    const code = `PROV-${uniqueSuffix()}`;
    const province = (
      await api.gqlOk(
        CREATE_UNIT,
        { input: { code: code.toLowerCase(), name: 'Dinas Kominfo Provinsi', timezone: 'Asia/Makassar' } },
        admin,
      )
    ).createUnit;
    expect(province).toMatchObject({ code, timezone: 'Asia/Makassar', parent: null });
    const bidang = (await api.gqlOk(CREATE_UNIT, { input: { code: `${code}-B1`, name: 'Bidang Statistik', parentId: province.id } }, admin))
      .createUnit;
    expect(bidang).toMatchObject({ timezone: 'Asia/Makassar', parent: { id: province.id } });
    const root = (await api.gqlOk(CREATE_UNIT, { input: { code: `ROOT-${uniqueSuffix()}`, name: 'Dinas Tanpa Zona' } }, admin)).createUnit;
    expect(root.timezone).toBe('Asia/Jakarta');

    const { units } = await api.gqlOk('{ units { id code timezone parent { code } children { code } } }', undefined, admin);
    const listed = units.find((u: { id: string }) => u.id === province.id);
    expect(listed.children).toEqual([{ code: `${code}-B1` }]);
    expect(units.find((u: { id: string }) => u.id === bidang.id).parent).toEqual({ code });
  });

  it.each([
    [
      'an unknown time zone',
      { name: 'Dinas', timezone: 'Asia/Singapore' },
      'BAD_USER_INPUT',
      /Asia\/Jakarta, Asia\/Makassar, Asia\/Jayapura/,
    ],
    ['a malformed code', { code: 'DINAS KOMINFO', name: 'Dinas' }, 'BAD_USER_INPUT', /Kode unit/],
    ['an empty name', { name: '   ' }, 'BAD_USER_INPUT', /Nama unit wajib diisi/],
    ['an unknown parent', { name: 'Dinas', parentId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', /Unit induk tidak ditemukan/],
    ['a parent id that is no id', { name: 'Dinas', parentId: 'abc' }, 'NOT_FOUND', /Unit induk tidak ditemukan/],
  ])('refuses a unit with %s', async (_case, input, code, message) => {
    const res = await api.gql(CREATE_UNIT, { input: { code: `BAD-${uniqueSuffix()}`, ...input } }, admin);
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('refuses a second unit with the same code, whatever its case', async () => {
    const code = `DUP-${uniqueSuffix()}`;
    await api.gqlOk(CREATE_UNIT, { input: { code, name: 'Satu' } }, admin);
    const res = await api.gql(CREATE_UNIT, { input: { code: code.toLowerCase(), name: 'Dua' } }, admin);
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('creates positions under superiors in the same unit or above, each with one holder at most', async () => {
    const agency = (await api.gqlOk(CREATE_UNIT, { input: { code: `AG-${uniqueSuffix()}`, name: 'Dinas' } }, admin)).createUnit;
    const division = (await api.gqlOk(CREATE_UNIT, { input: { code: `DV-${uniqueSuffix()}`, name: 'Bidang', parentId: agency.id } }, admin))
      .createUnit;
    const sibling = (
      await api.gqlOk(CREATE_UNIT, { input: { code: `SB-${uniqueSuffix()}`, name: 'Bidang Lain', parentId: agency.id } }, admin)
    ).createUnit;
    const head = (await api.gqlOk(CREATE_POSITION, { input: { title: 'Kepala Dinas', unitId: agency.id } }, admin)).createPosition;
    const divisionHead = (
      await api.gqlOk(CREATE_POSITION, { input: { title: 'Kepala Bidang', unitId: division.id, superiorId: head.id } }, admin)
    ).createPosition;
    expect(divisionHead).toMatchObject({ unit: { id: division.id }, superior: { id: head.id }, holder: null });

    const sideways = await api.gql(CREATE_POSITION, { input: { title: 'Staf', unitId: sibling.id, superiorId: divisionHead.id } }, admin);
    expect(errorCode(sideways)).toBe('BAD_USER_INPUT');
    expect(sideways.errors?.[0].message).toMatch(/tidak berada di unit .* atau unit di atasnya/);

    const nip = randomNip();
    const user = (
      await api.gqlOk(
        CREATE_USER,
        {
          input: {
            nip,
            name: 'Agus Setiawan',
            email: `Agus.${nip}@Uji.Example`,
            password: TEST_PASSWORD,
            roles: ['LEADER', 'LEADER'],
            positionId: divisionHead.id,
          },
        },
        admin,
      )
    ).createUser;
    expect(user).toMatchObject({
      nip,
      email: `agus.${nip}@uji.example`,
      roles: ['LEADER'],
      mfaEnabled: false,
      position: { id: divisionHead.id, title: 'Kepala Bidang' },
    });
    const { user: fetched } = await api.gqlOk(
      'query($id: ID!) { user(id: $id) { position { holder { id } unit { id } superior { title } } } }',
      { id: user.id },
      admin,
    );
    expect(fetched.position).toEqual({ holder: { id: user.id }, unit: { id: division.id }, superior: { title: 'Kepala Dinas' } });

    const second = await api.gql(
      CREATE_USER,
      {
        input: {
          nip: randomNip(),
          name: 'Orang Kedua',
          email: `dua.${uniqueSuffix()}@uji.example`,
          password: TEST_PASSWORD,
          roles: ['STAFF'],
          positionId: divisionHead.id,
        },
      },
      admin,
    );
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors?.[0].message).toMatch(/sudah dipangku oleh/);
  });

  it.each([
    ['an 18-digit NIP with an impossible birth date', { nip: '197213151998031004' }, /tanggal lahir yang masuk akal/],
    ['a NIP with gender digit 3', { nip: '197203151998033004' }, /1 \(laki-laki\) atau 2 \(perempuan\)/],
    ['a short NIP', { nip: '1972031519980310' }, /tepat 18 angka/],
    ['a bad e-mail', { email: 'agus-at-uji' }, /bukan alamat e-mail/],
    ['a short password', { password: 'pendek' }, /paling sedikit 12 karakter/],
    ['no roles', { roles: [] }, /paling sedikit satu peran/],
  ])('refuses a user with %s', async (_case, change, message) => {
    const input = {
      nip: randomNip(),
      name: 'Calon Pegawai',
      email: `calon.${uniqueSuffix()}@uji.example`,
      password: TEST_PASSWORD,
      roles: ['STAFF'],
      ...change,
    };
    const res = await api.gql(CREATE_USER, { input }, admin);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
    expect(JSON.stringify(res.errors)).not.toContain(TEST_PASSWORD);
  });

  it('refuses a second user with the same NIP or e-mail', async () => {
    const existing = await createTestUser(api, { name: 'Rina Marlina', roles: [Role.STAFF] });
    const base = { name: 'Tiruan', password: TEST_PASSWORD, roles: ['STAFF'] };
    const sameNip = await api.gql(
      CREATE_USER,
      { input: { ...base, nip: existing.nip, email: `lain.${uniqueSuffix()}@uji.example` } },
      admin,
    );
    const sameEmail = await api.gql(CREATE_USER, { input: { ...base, nip: randomNip(), email: existing.email.toUpperCase() } }, admin);
    expect([errorCode(sameNip), errorCode(sameEmail)]).toEqual(['CONFLICT', 'CONFLICT']);
  });

  it('keeps unit, position and user creation to ADMINs', async () => {
    const { token: accessToken } = await createSignedInTestUser(api, { name: 'Fajar Nugroho', roles: [Role.STAFF] });
    for (const [query, input] of [
      [CREATE_UNIT, { code: `NO-${uniqueSuffix()}`, name: 'Tidak' }],
      [CREATE_POSITION, { title: 'Tidak', unitId: '00000000-0000-4000-8000-000000000000' }],
      [CREATE_USER, { nip: randomNip(), name: 'Tidak', email: 'tidak@uji.example', password: TEST_PASSWORD, roles: ['ADMIN'] }],
    ] as const) {
      expect(errorCode(await api.gql(query, { input }, accessToken))).toBe('FORBIDDEN');
    }
  });

  it('records who created a unit in its audit trail', async () => {
    const unit = (await api.gqlOk(CREATE_UNIT, { input: { code: `AUD-${uniqueSuffix()}`, name: 'Dinas Teraudit' } }, admin)).createUnit;
    const { auditTrail } = await api.gqlOk(
      'query($id: ID!) { auditTrail(entityType: "Unit", entityId: $id) { action actor { id roles } hash } }',
      { id: unit.id },
      admin,
    );
    const { me } = await api.gqlOk('{ me { id } }', undefined, admin);
    expect(auditTrail).toEqual([
      { action: 'unit.created', actor: { id: me.id, roles: ['ADMIN'] }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });
});

describe('chain of command', () => {
  let api: TestApi;
  let org: TestOrg;
  let chain: ChainOfCommandService;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createOrg(api);
    chain = api.app.get(ChainOfCommandService);
  });

  afterAll(() => api.close());

  it('names the superior of a user', async () => {
    expect(await chain.superiorOf(org.staff.id)).toBe(org.divisionHead.id);
    expect(await chain.superiorOf(org.divisionHead.id)).toBe(org.head.id);
    expect(await chain.superiorOf(org.head.id)).toBeNull();
  });

  it('names the leaders above a user, nearest first', async () => {
    expect(await chain.leadersAbove(org.staff.id)).toEqual([org.divisionHead.id, org.head.id]);
    expect(await chain.leadersAbove(org.outsider.id)).not.toContain(org.head.id);
  });

  it('names everyone below a user', async () => {
    const directory = api.app.get(PeopleDirectory);
    const everyone = [org.head.id, org.divisionHead.id, org.staff.id, org.clerk.id, org.otherDivisionHead.id, org.outsider.id];
    expect(await directory.below(org.head.id, everyone)).toEqual(
      new Set([org.divisionHead.id, org.staff.id, org.clerk.id, org.otherDivisionHead.id]),
    );
    expect(await directory.below(org.divisionHead.id, everyone)).toEqual(new Set([org.staff.id]));
    expect(await directory.below(org.otherDivisionHead.id, everyone)).toEqual(new Set());
    expect(await directory.below(org.staff.id, everyone)).toEqual(new Set());
  });

  it('skips a vacant position on the way up', async () => {
    const admin = await adminToken(api);
    const vacant = (
      await api.gqlOk(
        CREATE_POSITION,
        { input: { title: 'Kasubbag (kosong)', unitId: org.agencyId, superiorId: org.head.positionId } },
        admin,
      )
    ).createPosition;
    const position = (
      await api.gqlOk(CREATE_POSITION, { input: { title: 'Staf Subbag', unitId: org.agencyId, superiorId: vacant.id } }, admin)
    ).createPosition;
    const staff = await createTestUser(api, { name: 'Staf Subbag', roles: [Role.STAFF], positionId: position.id });
    expect(await chain.superiorOf(staff.id)).toBe(org.head.id);
  });
});
