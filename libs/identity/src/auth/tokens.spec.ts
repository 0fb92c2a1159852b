import { SignJWT } from 'jose';
import {
  newRefreshToken,
  readAccessToken,
  readMfaChallenge,
  refreshTokenHash,
  signAccessToken,
  signingKey,
  signMfaChallenge,
} from './tokens';

const key = signingKey('s'.repeat(40));
const claims = { userId: 'u1', roles: ['STAFF'], scope: 'full' as const, sessionId: 's1' };
const now = new Date('2026-11-27T08:00:00Z');

describe('access tokens', () => {
  it('carries sub, roles, scope and sid', async () => {
    const token = await signAccessToken(key, claims, 900, now);
    expect(await readAccessToken(key, token, now)).toEqual({ ...claims, expiresAtMs: now.getTime() + 900_000 });
  });

  it('expires after its lifetime', async () => {
    const token = await signAccessToken(key, claims, 900, now);
    expect(await readAccessToken(key, token, new Date(now.getTime() + 899_000))).not.toBeNull();
    expect(await readAccessToken(key, token, new Date(now.getTime() + 901_000))).toBeNull();
  });

  it('refuses another key, a changed token and garbage', async () => {
    const token = await signAccessToken(key, claims, 900, now);
    expect(await readAccessToken(signingKey('t'.repeat(40)), token, now)).toBeNull();
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['ADMIN'] })).toString(
      'base64url',
    );
    expect(await readAccessToken(key, `${h}.${forged}.${s}`, now)).toBeNull();
    expect(await readAccessToken(key, 'not-a-token', now)).toBeNull();
  });

  it('refuses an MFA challenge presented as an access token, and the reverse', async () => {
    const challenge = await signMfaChallenge(key, 'u1', now);
    expect(await readAccessToken(key, challenge, now)).toBeNull();
    expect(await readMfaChallenge(key, await signAccessToken(key, claims, 900, now), now)).toBeNull();
  });

  it('refuses a token signed with "none" or another algorithm', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'u1', roles: ['ADMIN'], scope: 'full', sid: 's', iss: 'gesit', aud: 'gesit-api', exp: 9999999999 }),
    ).toString('base64url')}.`;
    expect(await readAccessToken(key, unsigned, now)).toBeNull();
    const hs512 = await new SignJWT({ roles: ['ADMIN'], scope: 'full', sid: 's' })
      .setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' })
      .setSubject('u1')
      .setIssuer('gesit')
      .setAudience('gesit-api')
      .setExpirationTime('1h')
      .sign(signingKey('s'.repeat(64)));
    expect(await readAccessToken(key, hs512)).toBeNull();
  });
});

describe('MFA challenges', () => {
  it('name the user and when they were issued, for five minutes', async () => {
    const challenge = await signMfaChallenge(key, 'u1', now);
    expect(await readMfaChallenge(key, challenge, now)).toEqual({ userId: 'u1', issuedAt: now });
    expect(await readMfaChallenge(key, challenge, new Date(now.getTime() + 301_000))).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('are long random strings stored as SHA-256', () => {
    const token = newRefreshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRefreshToken()).not.toBe(token);
    expect(refreshTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
