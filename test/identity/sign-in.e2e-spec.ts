import { DataSource } from 'typeorm';
import { Role } from '@gesit/identity';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken, createTestUser, loginAs, TEST_PASSWORD, TestPerson } from '../harness/identity';
import { startOfAMinute } from '../harness/wait';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken mfaRequired mfaChallengeToken mfaEnrolmentRequired user { id nip roles } }
}`;
const REFRESH = 'mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken user { id } } }';
const ME = '{ me { id nip name email roles mfaEnabled } }';

describe('sign-in, sessions and authorization', () => {
  let api: TestApi;
  let staff: TestPerson;

  beforeAll(async () => {
    api = await startTestApi();
    staff = await createTestUser(api, { name: 'Budi Santoso', roles: [Role.STAFF] });
  });

  afterAll(() => api.close());

  const login = (identifier: string, password: string) => api.gql(LOGIN, { input: { identifier, password } });

  it('signs a STAFF user in by NIP or e-mail without MFA, with a 15-minute access token and a refresh token', async () => {
    for (const identifier of [staff.nip, staff.email.toUpperCase()]) {
      const res = await login(identifier, TEST_PASSWORD);
      expect(res.errors).toBeUndefined();
      const payload = res.data?.login;
      expect(payload).toMatchObject({
        mfaRequired: false,
        mfaChallengeToken: null,
        mfaEnrolmentRequired: false,
        user: { id: staff.id, roles: ['STAFF'] },
      });
      expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const claims = JSON.parse(Buffer.from(payload.accessToken.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ sub: staff.id, roles: ['STAFF'], scope: 'full' });
      expect(claims.exp - claims.iat).toBe(900);
      const me = await api.gqlOk(ME, undefined, payload.accessToken);
      expect(me.me).toMatchObject({ id: staff.id, nip: staff.nip, mfaEnabled: false });
    }
  });

  it('answers a wrong password and an unknown account with the same message', async () => {
    const wrong = await login(staff.nip, 'not-the-password!');
    const unknown = await login('199001012015011999', TEST_PASSWORD);
    const unknownEmail = await login('nobody@uji.example', TEST_PASSWORD);
    for (const res of [wrong, unknown, unknownEmail]) expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(unknownEmail.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(wrong.errors?.[0].message).not.toContain(staff.nip);
  });

  it('locks an account for 15 minutes after 5 failures in 15 minutes, even for the right password', async () => {
    const victim = await createTestUser(api, { name: 'Siti Aminah', roles: [Role.STAFF] });
    for (let i = 0; i < 4; i++) expect(errorCode(await login(victim.nip, `wrong-password-${i}`))).toBe('UNAUTHENTICATED');
    // Four failures are not enough: the right password still works (and clears the count).
    expect((await login(victim.nip, TEST_PASSWORD)).data?.login.accessToken).toBeTruthy();
    for (let i = 0; i < 5; i++) expect(errorCode(await login(victim.nip, `wrong-password-${i}`))).toBe('UNAUTHENTICATED');
    const locked = await login(victim.nip, TEST_PASSWORD);
    expect(errorCode(locked)).toBe('UNAUTHENTICATED');
    expect(locked.errors?.[0].message).toMatch(/dikunci selama 15 menit/);

    const dataSource = api.app.get(DataSource);
    const [row] = await dataSource.query('SELECT locked_until - now() AS remaining FROM app_user WHERE id = $1', [victim.id]);
    expect(row.remaining.minutes).toBe(14);
    const trail = await api.gqlOk(
      'query($id: ID!) { auditTrail(entityType: "User", entityId: $id) { action actor { id } } }',
      { id: victim.id },
      await adminToken(api),
    );
    expect(trail.auditTrail.map((e: { action: string }) => e.action)).toEqual(['user.created', 'user.signed-in', 'user.locked']);

    // Once the lock has passed, the right password works again.
    await dataSource.query("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1", [victim.id]);
    expect((await login(victim.nip, TEST_PASSWORD)).data?.login.accessToken).toBeTruthy();
  });

  it('rotates refresh tokens, and revokes the whole family when a used one comes back', async () => {
    const first = await loginAs(api, staff.nip);
    const second = (await api.gqlOk(REFRESH, { token: first.refreshToken })).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(staff.id);
    const third = (await api.gqlOk(REFRESH, { token: second.refreshToken })).refreshSession;
    expect((await api.gql(ME, undefined, third.accessToken)).errors).toBeUndefined();

    // The first token again: whoever presents it, the family is ended.
    const replay = await api.gql(REFRESH, { token: first.refreshToken });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors?.[0].message).toMatch(/sudah pernah dipakai/);
    expect(errorCode(await api.gql(REFRESH, { token: third.refreshToken }))).toBe('UNAUTHENTICATED');
    for (const token of [first.accessToken, second.accessToken, third.accessToken]) {
      expect(errorCode(await api.gql(ME, undefined, token))).toBe('UNAUTHENTICATED');
    }
    // Other sessions of the same user are untouched.
    expect((await api.gql(ME, undefined, (await loginAs(api, staff.nip)).accessToken)).errors).toBeUndefined();
  });

  it('ends a session on logout: its access and refresh tokens stop working', async () => {
    const session = await loginAs(api, staff.nip);
    expect((await api.gqlOk('mutation { logout }', undefined, session.accessToken)).logout).toBe(true);
    expect(errorCode(await api.gql(ME, undefined, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses unauthenticated callers with UNAUTHENTICATED', async () => {
    for (const query of [ME, '{ units { id } }', '{ delegations { id } }']) expect(errorCode(await api.gql(query))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(ME, undefined, 'not.a.token'))).toBe('UNAUTHENTICATED');
    const [h, p] = (await loginAs(api, staff.nip)).accessToken.split('.');
    expect(errorCode(await api.gql(ME, undefined, `${h}.${p}.forged-signature`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(REFRESH, { token: 'made-up' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a STAFF user calling an ADMIN mutation with FORBIDDEN', async () => {
    const { accessToken } = await loginAs(api, staff.nip);
    const res = await api.gql('mutation { createUnit(input: { code: "X-STAFF", name: "Tidak Boleh" }) { id } }', undefined, accessToken);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/ADMIN/);
    expect(await api.app.get(DataSource).query("SELECT 1 FROM unit WHERE code = 'X-STAFF'")).toHaveLength(0);
  });
});

describe('per-IP rate limit on sign-in', () => {
  let api: TestApi;

  beforeAll(async () => {
    // As behind a reverse proxy on this machine: X-Forwarded-For names the client.
    api = await startTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXIES: '127.0.0.1' } });
  });

  afterAll(() => api.close());

  const loginFrom = (ip: string) =>
    api.gql(LOGIN, { input: { identifier: 'nobody@uji.example', password: 'whatever-it-is' } }, undefined, { 'x-forwarded-for': ip });

  it('refuses a fourth attempt from one address within the minute, but not from another address', async () => {
    const ip = `198.51.100.${(process.pid % 200) + 1}`;
    await startOfAMinute(5_000);
    for (let i = 0; i < 3; i++) expect(errorCode(await loginFrom(ip))).toBe('UNAUTHENTICATED');
    const limited = await loginFrom(ip);
    expect(errorCode(limited)).toBe('FORBIDDEN');
    expect(limited.errors?.[0].message).toMatch(/Terlalu banyak percobaan masuk/);
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(errorCode(await loginFrom(`203.0.113.${(process.pid % 200) + 1}`))).toBe('UNAUTHENTICATED');
  });
});
