import { Client } from 'pg';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '@gesit/identity/testing';
import { startTestApi, type TestApi } from './app';
import { TEST_DATABASE_URL } from './env';
import { loginAs } from './identity';

/** A demo person by key (see DEMO_PEOPLE). */
export const demoPerson = (key: string): (typeof DEMO_PEOPLE)[number] => DEMO_PEOPLE.find((p) => p.key === key)!;

/** A database of a suite's own, for seeding the demo organisation: its URL, and a drop that may run more than once. */
export function demoDatabase(name: string): { url: string; drop(): Promise<void> } {
  const at = (database: string) => Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${database}` }).toString();
  return {
    url: at(name),
    drop: async () => {
      const client = new Client({ connectionString: at('postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

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
  const database = demoDatabase(`${suite}_test_demo_${process.pid}`);
  await database.drop();
  const api = await startTestApi({
    env: {
      DATABASE_URL: database.url,
      DATABASE_CREATE_IF_MISSING: 'true',
      MIGRATIONS_RUN_ON_START: 'true',
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  return {
    api,
    signIn: async (key) => (await loginAs(api, demoPerson(key).nip, DEMO_PASSWORD)).accessToken,
    close: async () => {
      await api.close();
      await database.drop();
    },
  };
}
