import type { AppConfig } from '@gesit/platform';
import { JwtAccessTokenVerifier } from './access-token.verifier';
import type { SessionsService } from './sessions.service';
import { signAccessToken, signingKey } from './tokens';

const secret = 'k'.repeat(40);
const claims = { userId: 'u1', roles: ['STAFF'], scope: 'full' as const, sessionId: 's1' };
const issued = new Date('2026-11-27T08:00:00Z');

function verifierWith(active: Set<string>, holder = { userId: 'u1', scope: 'full', roles: ['STAFF'] }) {
  const sessions = { holder: async (id: string) => (active.has(id) ? holder : null) } as unknown as SessionsService;
  return new JwtAccessTokenVerifier({ jwtSecret: secret } as AppConfig, sessions);
}

describe('JwtAccessTokenVerifier', () => {
  it('accepts a token again without losing its expiry or the session check', async () => {
    const active = new Set(['s1']);
    const verifier = verifierWith(active);
    const token = await signAccessToken(signingKey(secret), claims, 900, issued);
    const principal = { userId: 'u1', roles: ['STAFF'], scope: 'full', sessionId: 's1' };

    expect(await verifier.verify(token, issued.getTime())).toEqual(principal);
    expect(await verifier.verify(token, issued.getTime() + 899_000)).toEqual(principal);
    active.delete('s1');
    expect(await verifier.verify(token, issued.getTime() + 1_000)).toBeNull();
    active.add('s1');
    expect(await verifier.verify(token, issued.getTime() + 900_000)).toBeNull();
  });

  it("takes roles and scope from the session's holder, and refuses a session of another user", async () => {
    const forged = await signAccessToken(signingKey(secret), { ...claims, roles: ['ADMIN'] }, 900, issued);
    expect(await verifierWith(new Set(['s1'])).verify(forged, issued.getTime())).toMatchObject({ roles: ['STAFF'] });
    const enrolment = verifierWith(new Set(['s1']), { userId: 'u1', scope: 'mfa-enrolment', roles: ['LEADER'] });
    expect(await enrolment.verify(forged, issued.getTime())).toMatchObject({ roles: ['LEADER'], scope: 'mfa-enrolment' });
    const other = verifierWith(new Set(['s1']), { userId: 'u2', scope: 'full', roles: ['STAFF'] });
    expect(await other.verify(forged, issued.getTime())).toBeNull();
  });

  it('refuses a token signed with another key', async () => {
    const token = await signAccessToken(signingKey('x'.repeat(40)), claims, 900, issued);
    expect(await verifierWith(new Set(['s1'])).verify(token, issued.getTime())).toBeNull();
  });
});
