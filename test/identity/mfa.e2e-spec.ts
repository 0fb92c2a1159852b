import { DataSource } from 'typeorm';
import { Role } from '@gesit/identity';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { createTestUser, enrolTotp, loginAs, TEST_PASSWORD, TestPerson, totpNow } from '../harness/identity';

const PAYLOAD = 'accessToken refreshToken mfaRequired mfaChallengeToken mfaEnrolmentRequired user { id mfaEnabled }';
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ${PAYLOAD} } }`;
const VERIFY = `mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${PAYLOAD} } }`;

describe('TOTP two-factor sign-in', () => {
  let api: TestApi;
  let leader: TestPerson;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    api = await startTestApi();
    leader = await createTestUser(api, { name: 'Dewi Lestari', roles: [Role.LEADER] });
  });

  afterAll(() => api.close());

  const login = async () => (await api.gqlOk(LOGIN, { input: { identifier: leader.nip, password: TEST_PASSWORD } })).login;
  const verify = (challengeToken: string, code: string) => api.gql(VERIFY, { input: { challengeToken, code } });

  it('gives a LEADER without MFA a token that can only enrol', async () => {
    const payload = await login();
    expect(payload).toMatchObject({
      mfaRequired: false,
      mfaEnrolmentRequired: true,
      refreshToken: null,
      user: { id: leader.id, mfaEnabled: false },
    });
    const token = payload.accessToken;
    expect((await api.gqlOk('{ me { id } }', undefined, token)).me.id).toBe(leader.id);
    const refused = await api.gql('{ units { id } }', undefined, token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/beginTotpEnrollment/);
    expect(errorCode(await api.gql('{ delegations { id } }', undefined, token))).toBe('FORBIDDEN');

    const begun = (await api.gqlOk('mutation { beginTotpEnrollment { secret otpauthUrl } }', undefined, token)).beginTotpEnrollment;
    const url = new URL(begun.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/Gesit:${leader.nip}`);
    expect(url.searchParams.get('issuer')).toBe('Gesit');
    expect(url.searchParams.get('secret')).toBe(begun.secret);
    const stored = await api.app.get(DataSource).query('SELECT totp_pending_secret FROM app_user WHERE id = $1', [leader.id]);
    expect(stored[0].totp_pending_secret).not.toContain(begun.secret);

    const wrong = await api.gql('mutation { confirmTotpEnrollment(code: "000000") { recoveryCodes } }', undefined, token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');

    const enrolment = await enrolTotp(api, token);
    secret = enrolment.secret;
    recoveryCodes = enrolment.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(errorCode(await api.gql('mutation { beginTotpEnrollment { secret } }', undefined, token))).toBe('CONFLICT');
  });

  it('asks for the second factor at sign-in and accepts the current TOTP code once', async () => {
    const first = await login();
    expect(first).toMatchObject({ mfaRequired: true, accessToken: null, refreshToken: null, user: null });
    expect(first.mfaChallengeToken).toBeTruthy();
    // The code of the next step: the current one was spent confirming the enrolment.
    const code = totpNow(secret, 1);
    const res = await verify(first.mfaChallengeToken, code);
    expect(res.errors).toBeUndefined();
    expect(res.data?.verifyMfa).toMatchObject({
      mfaRequired: false,
      mfaEnrolmentRequired: false,
      user: { id: leader.id, mfaEnabled: true },
    });
    expect(res.data?.verifyMfa.refreshToken).toBeTruthy();
    expect((await api.gql('{ units { id } }', undefined, res.data?.verifyMfa.accessToken)).errors).toBeUndefined();

    // The same code again, with a new challenge: refused as a replay.
    const second = await login();
    const replay = await verify(second.mfaChallengeToken, code);
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors?.[0].message).toMatch(/sudah dipakai/);
    // The spent challenge of the first sign-in does not open another session either.
    expect(errorCode(await verify(first.mfaChallengeToken, recoveryCodes[9]))).toBe('UNAUTHENTICATED');
  });

  it('accepts each recovery code once', async () => {
    const [code] = recoveryCodes;
    const first = await verify((await login()).mfaChallengeToken, code.toUpperCase().replace('-', ' '));
    expect(first.errors).toBeUndefined();
    expect(first.data?.verifyMfa.accessToken).toBeTruthy();
    const again = await verify((await login()).mfaChallengeToken, code);
    expect(errorCode(again)).toBe('UNAUTHENTICATED');
    const another = await verify((await login()).mfaChallengeToken, recoveryCodes[1]);
    expect(another.data?.verifyMfa.accessToken).toBeTruthy();
  });

  it('refuses a forged or malformed challenge', async () => {
    for (const challenge of ['nonsense', (await login()).mfaChallengeToken.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))]) {
      expect(errorCode(await verify(challenge, totpNow(secret)))).toBe('UNAUTHENTICATED');
    }
  });

  it('counts wrong codes toward the lockout', async () => {
    // A user of its own: the earlier cases' refused codes already count toward the leader's lockout.
    const other = await createTestUser(api, { name: 'Bambang Hartono', roles: [Role.LEADER] });
    await loginAs(api, other.nip);
    const otherLogin = async () => (await api.gqlOk(LOGIN, { input: { identifier: other.nip, password: TEST_PASSWORD } })).login;
    for (let i = 0; i < 5; i++) expect(errorCode(await verify((await otherLogin()).mfaChallengeToken, '000000'))).toBe('UNAUTHENTICATED');
    const locked = await api.gql(LOGIN, { input: { identifier: other.nip, password: TEST_PASSWORD } });
    expect(errorCode(locked)).toBe('UNAUTHENTICATED');
    expect(locked.errors?.[0].message).toMatch(/dikunci/);
  });
});
