import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@gesit/identity';
import { errorCode, GraphqlResponse, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { createTestUser, enrolTotp, TEST_PASSWORD, totpNow } from '../harness/identity';
import { startSmtpServer, TestSmtpServer } from '../harness/smtp-server';
import { startOfAMinute, until } from '../harness/wait';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken mfaRequired mfaChallengeToken mfaEnrolmentRequired user { id } }
}`;
const VERIFY = 'mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) { accessToken } }';

/** Signs in over GraphQL, optionally claiming to come through a proxy from `forwardedFor`. */
const login = (api: TestApi, identifier: string, password: string, forwardedFor?: string) =>
  api.gql(LOGIN, { input: { identifier, password } }, undefined, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});

describe('sign-in without trusted proxies: X-Forwarded-For is not believed', () => {
  let api: TestApi;

  beforeAll(async () => {
    // A queue prefix of its own: the per-IP counter of 127.0.0.1 is not shared with the other suites.
    api = await startTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '10', QUEUE_PREFIX: `gesit-test-hardening-${process.pid}` } });
  });

  afterAll(() => api.close());

  it('records the real peer address in the audit log, not a forged X-Forwarded-For', async () => {
    const person = await createTestUser(api, { name: 'Rina Marlina', roles: [Role.STAFF] });
    const signedIn = await login(api, person.nip, TEST_PASSWORD, '203.0.113.77');
    expect(errorCode(signedIn)).toBeUndefined();
    const [event] = await api.app
      .get(DataSource)
      .query(`SELECT change->>'ip' AS ip FROM audit_event WHERE action = 'user.signed-in' AND entity_id = $1`, [person.id]);
    expect(event.ip).toBe('127.0.0.1');
  });

  it('limits 30 password guesses from one machine however the X-Forwarded-For header changes', async () => {
    await startOfAMinute();
    const answers: GraphqlResponse[] = [];
    for (let i = 0; i < 30; i++) answers.push(await login(api, `tebakan${i}@uji.example`, 'Tebakan#2026', `198.51.100.${i + 1}`));
    const limited = answers.filter((a) => errorCode(a) === 'FORBIDDEN');
    // 10 a minute, less the one sign-in above.
    expect(limited.length).toBeGreaterThanOrEqual(20);
    expect(limited[0].errors?.[0].message).toMatch(/Terlalu banyak percobaan masuk/);
  });
});

describe('per-account limit from one address', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: '3', QUEUE_PREFIX: `gesit-test-account-${process.pid}` } });
  });

  afterAll(() => api.close());

  it('stops guessing at one account from one address before the lockout, for known and unknown accounts alike, and leaves other accounts alone', async () => {
    const known = await createTestUser(api, { name: 'Fajar Nugroho', roles: [Role.STAFF] });
    const unknown = `${randomUUID()}@uji.example`;
    await startOfAMinute();
    for (const identifier of [known.nip, unknown]) {
      for (let i = 0; i < 3; i++) expect(errorCode(await login(api, identifier, `salah-${i}`))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(api, identifier, 'salah-lagi'))).toBe('FORBIDDEN');
    }
    // Three failures do not lock the account: once the limit passes, the right password works.
    const other = await createTestUser(api, { name: 'Budi Santoso', roles: [Role.STAFF] });
    expect(errorCode(await login(api, other.nip, 'salah'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(api, other.nip, TEST_PASSWORD))).toBeUndefined();
  });
});

describe('a locked account', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startTestApi({ env: { SMTP_URL: smtp.url } });
    worker = await startTestWorker({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
  });

  it('is answered exactly like a wrong password, and only its owner is told, by e-mail', async () => {
    const victim = await createTestUser(api, { name: 'Siti Aminah', roles: [Role.STAFF] });
    const bystander = await createTestUser(api, { name: 'Agus Setiawan', roles: [Role.STAFF] });
    for (let i = 0; i < 5; i++) expect(errorCode(await login(api, victim.nip, `salah-${i}`))).toBe('UNAUTHENTICATED');

    const wrongPassword = await login(api, bystander.nip, 'bukan-kata-sandinya');
    const lockedRightPassword = await login(api, victim.nip, TEST_PASSWORD);
    const lockedWrongPassword = await login(api, victim.nip, 'bukan-kata-sandinya');
    expect(lockedRightPassword).toEqual(wrongPassword);
    expect(lockedWrongPassword).toEqual(wrongPassword);

    const mail = await until('the lock e-mail', () => smtp.received.find((m) => m.to.includes(victim.email)));
    expect(mail.raw).toMatch(/dikunci/);
    expect(smtp.received.some((m) => m.to.includes(bystander.email))).toBe(false);
  });
});

describe('a TOTP code used again right after enrolment', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('is reported as already used and does not count toward the lockout', async () => {
    const leader = await createTestUser(api, { name: 'Dewi Lestari', roles: [Role.LEADER] });
    const first = await login(api, leader.nip, TEST_PASSWORD);
    const enrolmentToken = (first.data as { login: { accessToken: string } }).login.accessToken;
    const { secret } = await enrolTotp(api, enrolmentToken);
    const dataSource = api.app.get(DataSource);
    const [{ step }] = await dataSource.query('SELECT totp_last_time_step AS step FROM app_user WHERE id = $1', [leader.id]);
    // The code the enrolment was confirmed with, again: five times would lock the account if they counted.
    const used = totpNow(secret, Number(step) - Math.floor(Date.now() / 30_000));
    for (let i = 0; i < 5; i++) {
      const challenge = (await login(api, leader.nip, TEST_PASSWORD)).data as { login: { mfaChallengeToken: string } };
      const replay = await api.gql(VERIFY, { input: { challengeToken: challenge.login.mfaChallengeToken, code: used } });
      expect(errorCode(replay)).toBe('UNAUTHENTICATED');
      expect(replay.errors?.[0].message).toMatch(/sudah dipakai/);
    }
    const [row] = await dataSource.query('SELECT failed_login_count AS count, locked_until AS until FROM app_user WHERE id = $1', [
      leader.id,
    ]);
    expect(row).toEqual({ count: 0, until: null });
  });
});
