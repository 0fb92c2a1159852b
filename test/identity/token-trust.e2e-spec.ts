import { SignJWT, decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { Role } from '@gesit/identity';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { createSignedInTestUser, createTestUser, loginAs, TEST_PASSWORD } from '../harness/identity';
import { createOrg, TestOrg } from '../harness/org';

/** What someone holding the signing key (or an old token) could present: the real token's claims, changed. */
async function resign(api: TestApi, token: string, change: Record<string, unknown>): Promise<string> {
  const claims = { ...decodeJwt(token), ...change };
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(new TextEncoder().encode(api.config.jwtSecret));
}

describe('access tokens are checked against the database', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('gives a STAFF user no admin rights from a token that claims ADMIN', async () => {
    const { token: accessToken } = await createSignedInTestUser(api, { name: 'Budi Santoso', roles: [Role.STAFF] });
    const forged = await resign(api, accessToken, { roles: ['ADMIN', 'STAFF'] });
    const code = `X-FORGED-${Date.now()}`;
    const res = await api.gql(
      'mutation($code: String!) { createUnit(input: { code: $code, name: "Tidak Boleh" }) { id } }',
      { code },
      forged,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await api.app.get(DataSource).query('SELECT 1 FROM unit WHERE code = $1', [code])).toHaveLength(0);
    expect((await api.gqlOk('{ me { roles } }', undefined, forged)).me.roles).toEqual(['STAFF']);
  });

  it('refuses a token whose session belongs to another user', async () => {
    const mine = await createTestUser(api, { name: 'Rina Marlina', roles: [Role.STAFF] });
    const theirs = await createTestUser(api, { name: 'Fajar Nugroho', roles: [Role.STAFF] });
    const myToken = (await loginAs(api, mine.nip)).accessToken;
    const theirSession = decodeJwt((await loginAs(api, theirs.nip)).accessToken).sid;
    const forged = await resign(api, myToken, { sid: theirSession });
    expect(errorCode(await api.gql('{ me { id } }', undefined, forged))).toBe('UNAUTHENTICATED');
    // The untouched token still works.
    expect((await api.gqlOk('{ me { id } }', undefined, myToken)).me.id).toBe(mine.id);
  });
});

describe('an expired access token', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('says TOKEN_EXPIRED so the client refreshes, and nothing of the kind for a forged one', async () => {
    const staff = await createSignedInTestUser(api, { name: 'Siti Aminah', roles: [Role.STAFF] });
    const accessToken = staff.token;
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await resign(api, accessToken, { iat: past - 900, exp: past });
    const res = await api.gql('{ me { id } }', undefined, expired);
    expect(res.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(res.errors?.[0].message).toMatch(/kedaluwarsa/);

    // Expired but signed with another key: a plain refusal, it is not ours to refresh.
    const claims = { ...decodeJwt(accessToken), exp: past };
    const stranger = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .sign(new TextEncoder().encode('another-secret-of-at-least-32-characters!'));
    const refused = await api.gql('{ me { id } }', undefined, stranger);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await api.gqlOk('{ me { id } }', undefined, accessToken)).me.id).toBe(staff.id);
  });
});

describe('an enrolment-only token (MFA not set up yet)', () => {
  let api: TestApi;
  let org: TestOrg;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createOrg(api);
  });

  afterAll(() => api.close());

  it("reads its own account through `me`, but not colleagues' names, NIPs and e-mails", async () => {
    const login = await api.gqlOk('mutation($input: LoginInput!) { login(input: $input) { accessToken mfaEnrolmentRequired } }', {
      input: { identifier: org.divisionHead.nip, password: TEST_PASSWORD },
    });
    expect(login.login.mfaEnrolmentRequired).toBe(true);
    const token = login.login.accessToken;
    expect((await api.gqlOk('{ me { nip name email } }', undefined, token)).me.nip).toBe(org.divisionHead.nip);

    const res = await api.gql(
      '{ me { position { title holder { name nip email } superior { holder { name nip email } } unit { name } } } }',
      undefined,
      token,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toContain(org.head.nip);
    expect(JSON.stringify(res)).not.toContain(org.head.email);
  });
});
