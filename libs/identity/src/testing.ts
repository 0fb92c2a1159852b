// Test helpers: imported by specs, e2e suites and the bench, never by production code. The demo seeder
// reads DEMO_PASSWORD and DEMO_PEOPLE itself; tests get them here to sign in as the people it seeds.
export { DEMO_PASSWORD, DEMO_PEOPLE } from './bootstrap/demo-organisation';
export { totpCode } from './mfa/totp';
export { signAccessToken, signingKey } from './auth/tokens';
