import { randomInt } from 'node:crypto';
import { Role, UsersService } from '@gesit/identity';
import { totpCode } from '@gesit/identity/testing';
import type { TestApi } from './app';
import type { GraphqlClient } from './graphql';

/** The password of every user the harness creates. */
export const TEST_PASSWORD = 'Rahasia#Uji2026';

const STEP_MS = 30_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A valid, random NIP: birth date, appointment month, gender digit and sequence. */
export function randomNip(): string {
  const birthYear = randomInt(1965, 2000);
  return `${birthYear}${pad(randomInt(1, 13))}${pad(randomInt(1, 29))}${randomInt(birthYear + 20, 2026)}${pad(randomInt(1, 13))}${randomInt(1, 3)}${pad(randomInt(1, 1000), 3)}`;
}

/** A short code unique enough to tell apart the units and e-mails of one test run. */
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${randomInt(0, 46_656).toString(36)}`.toUpperCase();

/** The TOTP code of `secret` for now, or `offsetSteps` 30-second steps away. */
export function totpNow(secret: string, offsetSteps = 0): string {
  return totpCode(secret, new Date(Date.now() + offsetSteps * STEP_MS));
}

// The secrets of users the harness enrolled, and the last step used, so that every sign-in gets a fresh code.
const enrolled = new Map<string, { secret: string; lastStep: number }>();

/** A code for a time step not used before for this user; waits for the next step when the window is spent. */
async function freshCode(userId: string): Promise<string> {
  const entry = enrolled.get(userId);
  if (!entry) throw new Error(`user ${userId} has MFA on, but the harness did not enrol them and does not know the secret`);
  for (;;) {
    const current = Math.floor(Date.now() / STEP_MS);
    const step = Math.max(current, entry.lastStep + 1);
    if (step <= current + 1) {
      entry.lastStep = step;
      return totpCode(entry.secret, new Date(step * STEP_MS));
    }
    await new Promise((r) => setTimeout(r, (current + 1) * STEP_MS - Date.now() + 50));
  }
}

export interface SignIn {
  userId: string;
  accessToken: string;
  refreshToken: string | null;
}

interface AuthPayload {
  accessToken: string | null;
  refreshToken: string | null;
  mfaRequired: boolean;
  mfaChallengeToken: string | null;
  mfaEnrolmentRequired: boolean;
  user: { id: string } | null;
}

const PAYLOAD = 'accessToken refreshToken mfaRequired mfaChallengeToken mfaEnrolmentRequired user { id }';

const subjectOf = (jwt: string): string => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).sub;

/** Turns MFA on for the holder of `token` through the API; the harness remembers the secret for later sign-ins. */
export async function enrolTotp(
  api: GraphqlClient,
  token: string,
): Promise<{ userId: string; secret: string; otpauthUrl: string; recoveryCodes: string[] }> {
  const begun = await api.gqlOk<{ beginTotpEnrollment: { secret: string; otpauthUrl: string } }>(
    'mutation { beginTotpEnrollment { secret otpauthUrl } }',
    undefined,
    token,
  );
  const { me } = await api.gqlOk<{ me: { id: string } }>('{ me { id } }', undefined, token);
  const step = Math.floor(Date.now() / STEP_MS);
  const confirmed = await api.gqlOk<{ confirmTotpEnrollment: { recoveryCodes: string[] } }>(
    'mutation($code: String!) { confirmTotpEnrollment(code: $code) { recoveryCodes } }',
    { code: totpCode(begun.beginTotpEnrollment.secret, new Date(step * STEP_MS)) },
    token,
  );
  enrolled.set(me.id, { secret: begun.beginTotpEnrollment.secret, lastStep: step });
  return { userId: me.id, ...begun.beginTotpEnrollment, recoveryCodes: confirmed.confirmTotpEnrollment.recoveryCodes };
}

/**
 * Signs in with full access whatever the account's MFA state: completes verifyMfa for users the harness
 * enrolled, and enrols users whose role requires MFA and who have not enrolled yet. A TOTP code is good
 * once, so a third sign-in of one MFA user within about 30 seconds waits for the next time step.
 */
export async function loginAs(api: GraphqlClient, identifier: string, password = TEST_PASSWORD): Promise<SignIn> {
  const login = async () =>
    (
      await api.gqlOk<{ login: AuthPayload }>(`mutation($input: LoginInput!) { login(input: $input) { ${PAYLOAD} } }`, {
        input: { identifier, password },
      })
    ).login;
  let payload = await login();
  if (payload.mfaEnrolmentRequired) {
    await enrolTotp(api, payload.accessToken as string);
    payload = await login();
  }
  if (payload.mfaRequired) {
    const challengeToken = payload.mfaChallengeToken as string;
    const verified = await api.gqlOk<{ verifyMfa: AuthPayload }>(
      `mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${PAYLOAD} } }`,
      {
        input: { challengeToken, code: await freshCode(subjectOf(challengeToken)) },
      },
    );
    payload = verified.verifyMfa;
  }
  return { userId: (payload.user as { id: string }).id, accessToken: payload.accessToken as string, refreshToken: payload.refreshToken };
}

export interface TestPerson {
  id: string;
  nip: string;
  email: string;
  name: string;
  positionId: string | null;
}

/** Creates a user straight through UsersService (no admin needed), with TEST_PASSWORD. */
export async function createTestUser(
  api: TestApi,
  input: { name: string; roles: Role[] | string[]; positionId?: string | null },
): Promise<TestPerson> {
  const nip = randomNip();
  const email = `${nip}.${uniqueSuffix().toLowerCase()}@uji.example`;
  const user = await api.app.get(UsersService).create(null, {
    nip,
    email,
    name: input.name,
    password: TEST_PASSWORD,
    roles: input.roles as Role[],
    positionId: input.positionId ?? null,
  });
  return { id: user.id, nip, email, name: user.name, positionId: user.positionId };
}

/** createTestUser, then signs them in: the person and their access token. */
export async function createSignedInTestUser(
  api: TestApi,
  input: { name: string; roles: Role[] | string[]; positionId?: string | null },
): Promise<TestPerson & { token: string }> {
  const person = await createTestUser(api, input);
  return { ...person, token: (await loginAs(api, person.nip)).accessToken };
}

let admin: { person: TestPerson; session: SignIn; at: number } | undefined;

/**
 * A full-access ADMIN token: one administrator per test file, enrolled in MFA as ADMIN requires. The
 * session outlives an API instance (same database and secret), so later instances reuse it.
 */
export async function adminToken(api: TestApi): Promise<string> {
  if (!admin) {
    const person = await createTestUser(api, { name: 'Admin Uji', roles: [Role.ADMIN] });
    admin = { person, session: await loginAs(api, person.nip), at: Date.now() };
  } else if (Date.now() - admin.at > 10 * 60_000) {
    const { refreshSession } = await api.gqlOk<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      'mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }',
      { token: admin.session.refreshToken },
    );
    admin = { ...admin, session: { ...admin.session, ...refreshSession }, at: Date.now() };
  }
  return admin.session.accessToken;
}
