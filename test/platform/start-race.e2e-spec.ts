import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { loadConfig } from '@gesit/platform';
import { createApi } from '../../apps/api/src/bootstrap';
import { startWorker } from '../../apps/worker/src/bootstrap';
import { TEST_DATABASE_URL, testEnv } from '../harness/env';

// A database of this run's own, next to the test database, that each round drops: a machine that never ran Gesit.
const fresh = new URL(TEST_DATABASE_URL);
fresh.pathname = `${fresh.pathname}_fresh`;
const freshName = fresh.pathname.slice(1);

async function onMaintenanceDatabase(sql: string): Promise<void> {
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dropFresh = () => onMaintenanceDatabase(`DROP DATABASE IF EXISTS "${freshName}" WITH (FORCE)`);

describe('the first start on a machine without the database', () => {
  afterAll(dropFresh);

  it('brings the API and the worker up together five times in a row, each time from no database at all', async () => {
    // What `npm start` does on a development machine: both processes may create the database and migrate.
    const env = testEnv({
      DATABASE_URL: fresh.toString(),
      DATABASE_CREATE_IF_MISSING: 'true',
      MIGRATIONS_RUN_ON_START: 'true',
      SEED_DEMO: 'true',
    });
    for (let round = 1; round <= 5; round++) {
      await dropFresh();
      const [api, worker] = await Promise.allSettled([
        createApi(loadConfig(env), { logger: false }).then(async (app: NestFastifyApplication) => {
          await app.listen(0, '127.0.0.1');
          return app;
        }),
        startWorker(loadConfig(env), { logger: false }),
      ]);
      try {
        expect({
          round,
          api: api.status,
          worker: worker.status,
          reason: String((api as PromiseRejectedResult).reason ?? (worker as PromiseRejectedResult).reason ?? ''),
        }).toEqual({
          round,
          api: 'fulfilled',
          worker: 'fulfilled',
          reason: '',
        });
        const url = (await (api as PromiseFulfilledResult<NestFastifyApplication>).value.getUrl()).replace('[::1]', '127.0.0.1');
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      } finally {
        if (api.status === 'fulfilled') await api.value.close();
        if (worker.status === 'fulfilled') await (worker.value as INestApplicationContext).close();
      }
    }
  }, 180_000);
});
