import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@gesit/platform';
import { startApi } from '../../apps/api/src/bootstrap';
import { startTestApi, storageEnv, TestApi } from '../harness/app';
import { institutionSealEnv } from '../harness/seal';
import { testEnv } from '../harness/env';

const INTROSPECTION = '{ __schema { queryType { name } } }';
// "letter" is a field of Query: graphql-js would suggest it.
const MISSPELT = '{ lettr(id: "00000000-0000-0000-0000-000000000000") { id } }';

/** A production configuration the test machine can satisfy (S3 test server, BSrE only called when signing). */
const production = () => ({
  ...(storageEnv('s3') as Record<string, string>),
  NODE_ENV: 'production',
  JWT_SECRET: 'exposure-e2e-jwt-secret-0123456789abcdefgh',
  ENCRYPTION_KEY: 'exposure-e2e-encryption-key-0123456789abcd',
  AUDIT_HMAC_KEY: 'exposure-e2e-audit-hmac-key-0123456789abcd',
  PUBLIC_BASE_URL: 'https://gesit.example.go.id',
  ...institutionSealEnv(),
  SIGNER: 'bsre',
  BSRE_URL: 'https://bsre.example.go.id',
});

describe('what the schema tells a stranger', () => {
  let development: TestApi;
  let live: TestApi;

  beforeAll(async () => {
    development = await startTestApi();
    live = await startTestApi({ storage: 's3', env: production() });
  });

  afterAll(async () => {
    await live.close();
    await development.close();
  });

  it('answers introspection outside production and refuses it in production', async () => {
    expect((await development.gql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await live.gql(INTROSPECTION);
    expect(refused.status).toBe(400);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].message).toMatch(/introspection/i);
  });

  it('suggests field names outside production and not in production', async () => {
    expect((await development.gql(MISSPELT)).errors?.[0].message).toMatch(/Did you mean "letter/);
    const res = await live.gql(MISSPELT);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toBe('Cannot query field "lettr" on type "Query".');
  });
});

describe('the address the API listens on', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is 127.0.0.1 outside production unless HOST says otherwise', async () => {
    const env = testEnv({ ...storageEnv('disk'), HOST: undefined });
    app = await startApi(loadConfig(env));
    expect((app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
  });
});
