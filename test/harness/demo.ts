import { Client } from 'pg';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '@gesit/identity/testing';
import { startTestApi, type TestApi } from './app';
import { TEST_DATABASE_URL } from './env';
import { loginAs } from './identity';

export interface DemoApi {
  api: TestApi;
  /** An access token of the demo person with this key (see DEMO_PEOPLE). */
  signIn(key: string): Promise<string>;
  /** Stops the API and drops its database. */
  close(): Promise<void>;
}

/**
 * An API started in development on an empty database of its own, named after `suite`: the demo
 * organisation is seeded on an empty database only, and the shared test database already has users.
 */
export async function startDemoApi(suite: string): Promise<DemoApi> {
  const name = `${suite}_test_demo_${process.pid}`;
  const dropDatabase = async () => {
    const client = new Client({ connectionString: Object.assign(new URL(TEST_DATABASE_URL), { pathname: '/postgres' }).toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
  await dropDatabase();
  const api = await startTestApi({
    env: {
      DATABASE_URL: Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${name}` }).toString(),
      DATABASE_CREATE_IF_MISSING: 'true',
      MIGRATIONS_RUN_ON_START: 'true',
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  return {
    api,
    signIn: async (key) => (await loginAs(api, DEMO_PEOPLE.find((p) => p.key === key)!.nip, DEMO_PASSWORD)).accessToken,
    close: async () => {
      await api.close();
      await dropDatabase();
    },
  };
}
