import { Client } from 'pg';
import { ChainOfCommandService, PeopleDirectory } from '@gesit/identity';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '@gesit/identity/testing';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { TEST_DATABASE_URL } from '../harness/env';
import { loginAs, randomNip } from '../harness/identity';

// Start-up on an empty database needs a database of its own: the shared test database already has users.
function emptyDatabase(name: string): { url: string; drop(): Promise<void> } {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}_${process.pid}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = new URL(TEST_DATABASE_URL);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}_${process.pid}" WITH (FORCE)`);
      await client.end();
    },
  };
}

const freshDatabaseEnv = (url: string) => ({ DATABASE_URL: url, DATABASE_CREATE_IF_MISSING: 'true', MIGRATIONS_RUN_ON_START: 'true' });

describe('first administrator', () => {
  const db = emptyDatabase('gesit_test_first_admin');
  const nip = randomNip();
  let api: TestApi;

  beforeAll(async () => {
    await db.drop();
    api = await startTestApi({
      env: {
        ...freshDatabaseEnv(db.url),
        BOOTSTRAP_ADMIN_NIP: nip,
        BOOTSTRAP_ADMIN_EMAIL: 'admin@pemda.example',
        BOOTSTRAP_ADMIN_PASSWORD: 'Pertama#Sekali2026',
      },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db.drop();
  });

  it('is created from BOOTSTRAP_ADMIN_* on an empty database and must enrol MFA before anything else', async () => {
    const { login } = await api.gqlOk(
      'mutation { login(input: { identifier: "admin@pemda.example", password: "Pertama#Sekali2026" }) { accessToken mfaEnrolmentRequired user { nip roles } } }',
    );
    expect(login).toMatchObject({ mfaEnrolmentRequired: true, user: { nip, roles: ['ADMIN'] } });
    expect(errorCode(await api.gql('mutation { createUnit(input: { code: "X", name: "X" }) { id } }', undefined, login.accessToken))).toBe(
      'FORBIDDEN',
    );
    const admin = await loginAs(api, nip, 'Pertama#Sekali2026');
    expect(
      (await api.gql('mutation { createUnit(input: { code: "PEMDA", name: "Pemerintah Daerah" }) { id } }', undefined, admin.accessToken))
        .errors,
    ).toBeUndefined();
  });

  it('is created once: a second start finds users and adds nobody', async () => {
    const again = await startTestApi({
      env: {
        ...freshDatabaseEnv(db.url),
        BOOTSTRAP_ADMIN_NIP: randomNip(),
        BOOTSTRAP_ADMIN_EMAIL: 'kedua@pemda.example',
        BOOTSTRAP_ADMIN_PASSWORD: 'Kedua#Kalinya2026',
      },
    });
    try {
      const res = await again.gql(
        'mutation { login(input: { identifier: "kedua@pemda.example", password: "Kedua#Kalinya2026" }) { accessToken } }',
      );
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    } finally {
      await again.close();
    }
  });
});

describe('demo organisation', () => {
  const db = emptyDatabase('gesit_test_demo');
  let api: TestApi;

  beforeAll(async () => {
    await db.drop();
    // Development limits sign-in to 20 attempts a minute per address; this test signs in every demo account.
    api = await startTestApi({
      env: { ...freshDatabaseEnv(db.url), NODE_ENV: 'development', SEED_DEMO: 'true', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db.drop();
  });

  const person = (key: string) => DEMO_PEOPLE.find((p) => p.key === key) as (typeof DEMO_PEOPLE)[number];

  it('is seeded on a first development start, with every account on the demo password', async () => {
    const staff = await loginAs(api, person('pranata-komputer').email, DEMO_PASSWORD);
    const { me } = await api.gqlOk(
      '{ me { name roles position { title superior { title holder { name } } unit { code timezone parent { code } } } } }',
      undefined,
      staff.accessToken,
    );
    expect(me).toEqual({
      name: 'Budi Santoso, S.Kom.',
      roles: ['STAFF'],
      position: {
        title: 'Pranata Komputer Ahli Pertama',
        superior: { title: 'Kepala Bidang Aplikasi Informatika', holder: { name: 'Dewi Lestari, S.T., M.Kom.' } },
        unit: { code: 'DISKOMINFO-APTIKA', timezone: 'Asia/Jakarta', parent: { code: 'DISKOMINFO' } },
      },
    });
    const { units } = await api.gqlOk('{ units { code name children { code } } }', undefined, staff.accessToken);
    expect(units.find((u: { code: string }) => u.code === 'DISKOMINFO')).toMatchObject({
      name: 'Dinas Komunikasi dan Informatika',
      children: [{ code: 'DISKOMINFO-APTIKA' }, { code: 'DISKOMINFO-IKP' }, { code: 'DISKOMINFO-SET' }],
    });
  });

  it('has the head of the agency above everyone', async () => {
    const chain = api.app.get(ChainOfCommandService);
    const ids = new Map<string, string>();
    for (const p of DEMO_PEOPLE)
      ids.set(p.key, (await api.gqlOk(`{ me { id } }`, undefined, (await loginAs(api, p.nip, DEMO_PASSWORD)).accessToken)).me.id);
    expect(await chain.leadersAbove(ids.get('tata-usaha') as string)).toEqual([ids.get('sekretaris'), ids.get('kadis')]);
    expect((await api.app.get(PeopleDirectory).below(ids.get('kadis') as string, [...ids.values()])).size).toBe(DEMO_PEOPLE.length - 1);
  });
});
