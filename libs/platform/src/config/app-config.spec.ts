import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const productionBase = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a'.repeat(40),
  ENCRYPTION_KEY: 'b'.repeat(40),
  AUDIT_HMAC_KEY: 'c'.repeat(40),
  S3_ENDPOINT: 'http://minio:9000',
  S3_ACCESS_KEY: 'gesit',
  S3_SECRET_KEY: 'secret-secret',
  PUBLIC_BASE_URL: 'https://gesit.example.go.id',
  SIGNING_P12_PATH: '/run/secrets/seal.p12',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('loadConfig', () => {
  it('runs a development machine with no settings at all', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/gesit');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.s3).toBeNull();
    expect(config.storageDir).toMatch(/data\/files$/);
    expect(config.uploadMaxBytes).toBe(50 * 1024 * 1024);
    expect(config.uploadSpoolDir).toBe(join(config.storageDir, '.spool'));
    expect(config.createDatabaseIfMissing).toBe(true);
    expect(config.runMigrationsOnStart).toBe(true);
    expect(config.mfaRequiredRoles).toEqual(['LEADER', 'ADMIN']);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(productionBase);
    expect(config.production).toBe(true);
    expect(config.s3?.bucket).toBe('gesit');
    expect(config.runMigrationsOnStart).toBe(false);
    expect(config.seedDemo).toBe(false);
  });

  it('hashes passwords at full cost and limits sign-in attempts everywhere but under NODE_ENV=test', () => {
    for (const config of [loadConfig(productionBase), loadConfig({})]) {
      expect(config.passwordHashCost).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      expect(config.authRateLimitPerMinute).toBe(20);
    }
    const test = loadConfig({ NODE_ENV: 'test' });
    expect(test.passwordHashCost.memoryCost).toBeLessThan(19_456);
    expect(test.authRateLimitPerMinute).toBe(1000);
    expect(loadConfig({ NODE_ENV: 'test', AUTH_RATE_LIMIT_PER_MINUTE: '3' }).authRateLimitPerMinute).toBe(3);
  });

  it.each([
    ['a default JWT secret', { JWT_SECRET: '' }, 'JWT_SECRET'],
    ['a default encryption key', { ENCRYPTION_KEY: '' }, 'ENCRYPTION_KEY'],
    ['a default audit key', { AUDIT_HMAC_KEY: '' }, 'AUDIT_HMAC_KEY'],
    ['the audit key equal to the JWT secret', { AUDIT_HMAC_KEY: 'a'.repeat(40) }, 'AUDIT_HMAC_KEY'],
    ['no S3 endpoint', { S3_ENDPOINT: '' }, 'S3_ENDPOINT'],
    ['S3 without a secret', { S3_SECRET_KEY: '' }, 'S3_SECRET_KEY'],
    ['synchronize', { DATABASE_SYNCHRONIZE: 'true' }, 'DATABASE_SYNCHRONIZE'],
    ['no public address', { PUBLIC_BASE_URL: '' }, 'PUBLIC_BASE_URL'],
    ['no institution seal', { SIGNING_P12_PATH: '' }, 'SIGNING_P12_PATH'],
    ['BSrE but no institution seal', { SIGNER: 'bsre', BSRE_URL: 'https://esign.example.go.id', SIGNING_P12_PATH: '' }, 'SIGNING_P12_PATH'],
    ['BSrE without its address', { SIGNER: 'bsre' }, 'BSRE_URL'],
    [
      'BSrE allowed longer than the server leaves a transaction idle',
      { SIGNER: 'bsre', BSRE_URL: 'https://esign.example.go.id', BSRE_TIMEOUT_MS: '60000' },
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
    ],
  ])('refuses production with %s and names the setting', (_case, change, setting) => {
    const problems = problemsOf({ ...productionBase, ...change });
    expect(problems.some((p) => p.startsWith(`${setting}:`))).toBe(true);
  });

  it('bounds every wait of request work for the database by default', () => {
    expect(loadConfig({}).databaseTimeouts).toEqual({
      acquireMs: 10_000,
      statementMs: 30_000,
      lockMs: 10_000,
      idleInTransactionMs: 60_000,
    });
    expect(loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '500' }).databaseTimeouts.lockMs).toBe(500);
    expect(loadConfig({}).storageOrphanGraceMinutes).toBe(60);
  });

  it('sends WhatsApp only when both the access token and the phone number id are set', () => {
    expect(loadConfig({}).whatsapp).toBeNull();
    expect(loadConfig({ WHATSAPP_ACCESS_TOKEN: 'token' }).whatsapp).toBeNull();
    expect(loadConfig({ WHATSAPP_ACCESS_TOKEN: 'token', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' }).whatsapp).toEqual({
      apiUrl: 'https://graph.facebook.com/v21.0',
      accessToken: 'token',
      phoneNumberId: '106540352242922',
      template: 'gesit_notifikasi',
      language: 'id',
      templateEn: 'gesit_notifikasi',
      languageEn: 'en',
      timeoutMs: 10_000,
    });
    expect(
      loadConfig({ WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: '1', WHATSAPP_API_URL: 'http://127.0.0.1:9000/v21.0/' }).whatsapp
        ?.apiUrl,
    ).toBe('http://127.0.0.1:9000/v21.0');
    expect(problemsOf({ WHATSAPP_PHONE_NUMBER_ID: '+62 811' }).join()).toMatch(/^WHATSAPP_PHONE_NUMBER_ID:/);
  });

  it('sends e-mail only when SMTP is configured, by URL or by host', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example.go.id:465' }).smtp?.url).toBe('smtps://mail.example.go.id:465');
    const byHost = loadConfig({
      SMTP_HOST: 'mail.example.go.id',
      SMTP_USER: 'gesit@example.go.id',
      SMTP_PASS: 'p@ss:word',
      SMTP_FROM: 'Gesit <gesit@example.go.id>',
    });
    expect(byHost.smtp).toEqual({
      url: 'smtp://gesit%40example.go.id:p%40ss%3Aword@mail.example.go.id:587',
      from: 'Gesit <gesit@example.go.id>',
    });
    expect(loadConfig({ SMTP_HOST: 'mail.example.go.id', SMTP_PORT: '465' }).smtp?.url).toBe('smtps://mail.example.go.id:465');
    expect(problemsOf({ SMTP_HOST: 'mail.example.go.id', SMTP_USER: 'gesit' }).join()).toMatch(/^SMTP_PASS:/);
    expect(problemsOf({ SMTP_URL: 'mail.example.go.id' }).join()).toMatch(/^SMTP_URL:/);
  });

  it('listens on 127.0.0.1 and hides schema details only where that is not the production default', () => {
    const development = loadConfig({});
    expect(development).toMatchObject({ host: '127.0.0.1', graphqlIntrospection: true, graphqlFieldSuggestions: true });
    expect(loadConfig(productionBase)).toMatchObject({ host: '0.0.0.0', graphqlIntrospection: false, graphqlFieldSuggestions: false });
    expect(loadConfig({ ...productionBase, HOST: '10.0.0.5', GRAPHQL_INTROSPECTION: 'true' })).toMatchObject({
      host: '10.0.0.5',
      graphqlIntrospection: true,
    });
  });

  it('trusts no proxy unless told, and only addresses or ranges', () => {
    expect(loadConfig({}).trustedProxies).toBe(false);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,::1' }).trustedProxies).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(problemsOf({ TRUSTED_PROXIES: 'proxy.example' }).join()).toMatch(/^TRUSTED_PROXIES:/);
  });

  it('names a malformed value', () => {
    expect(problemsOf({ PORT: 'eighty' }).join()).toMatch(/^PORT:/);
    expect(problemsOf({ JWT_SECRET: 'short' }).join()).toMatch(/JWT_SECRET: JWT_SECRET must be at least 32 characters/);
  });
});
