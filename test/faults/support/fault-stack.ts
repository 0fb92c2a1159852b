import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { graphqlClient, type GraphqlClient } from '../../harness/graphql';
import { loginAs, randomNip, TEST_PASSWORD, uniqueSuffix } from '../../harness/identity';
import { startSmtpServer, type TestSmtpServer } from '../../harness/smtp-server';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { startPrivateRedis, type PrivateRedis } from './private-redis';
import { type ApiProcess, type GesitProcess, killAll, startApiProcess, startWorkerProcess } from './processes';

/** A child-process API: a request that hangs fails after 30 s, so that a fault shows as a failed test. */
export type RemoteApi = GraphqlClient;

export interface FaultStack {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  smtp: TestSmtpServer | null;
  databaseUrl: string;
  /** The environment every API and worker process of this stack starts with. */
  env: Record<string, string>;
  startApi(name: string, extra?: Record<string, string>): Promise<ApiProcess & RemoteApi>;
  startWorker(name: string, extra?: Record<string, string>): Promise<GesitProcess>;
  /** One query on a connection of its own, so that it survives the restarts the tests cause. */
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The bootstrap administrator, signed in (with MFA) through `api`. */
  adminToken(api: RemoteApi): Promise<string>;
  /** Kills every process and server of the stack and removes their files. */
  destroy(): Promise<void>;
}

/**
 * A whole Gesit installation of the test's own: a private PostgreSQL and Redis (which the fault tests
 * stop, kill and flush), the S3 test server of the e2e run (or a disk store), optionally an SMTP server,
 * and the API and worker as real child processes.
 */
export async function startFaultStack(
  options: { smtp?: boolean; storage?: 'disk' | 's3'; env?: Record<string, string> } = {},
): Promise<FaultStack> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const destroy = async () => {
    await killAll();
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  try {
    const pg = await startPrivatePostgres();
    cleanups.push(() => pg.destroy());
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.destroy());
    const smtp = options.smtp ? await startSmtpServer() : null;
    if (smtp) cleanups.push(() => smtp.close());
    const databaseUrl = pg.url('gesit_faults');
    const admin = new Client({ connectionString: pg.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE gesit_faults');
    await admin.end();
    const files = mkdtempSync(join(tmpdir(), 'gesit-faults-files-'));
    cleanups.push(() => rmSync(files, { recursive: true, force: true }));
    const storage: Record<string, string> =
      options.storage === 's3'
        ? {
            S3_ENDPOINT: required('GESIT_TEST_S3_ENDPOINT'),
            S3_ACCESS_KEY: required('GESIT_TEST_S3_ACCESS_KEY'),
            S3_SECRET_KEY: required('GESIT_TEST_S3_SECRET_KEY'),
            S3_BUCKET: `gesit-faults-${uniqueSuffix().toLowerCase()}`,
            S3_PART_SIZE_MB: '5120',
            UPLOAD_SPOOL_DIR: join(files, 'spool'),
          }
        : { STORAGE_DIR: files };
    const adminNip = randomNip();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'gesit-faults',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      // Every process may migrate: they share one advisory lock. The database exists already.
      MIGRATIONS_RUN_ON_START: 'true',
      DATABASE_CREATE_IF_MISSING: 'false',
      BOOTSTRAP_ADMIN_NIP: adminNip,
      BOOTSTRAP_ADMIN_EMAIL: `${adminNip}@uji.example`,
      BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD,
      // No role needs a second factor (an empty list): MFA is tested elsewhere, and here every MFA
      // sign-in of a leader would wait for a fresh 30-second TOTP step.
      MFA_REQUIRED_ROLES: ',',
      // Repairs and the take-over of a dead worker's jobs within seconds rather than minutes.
      SWEEP_INTERVAL_SECONDS: '2',
      JOB_LOCK_SECONDS: '4',
      ...storage,
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
      ...options.env,
    };
    let adminSession: string | null = null;
    const stack: FaultStack = {
      pg,
      redis,
      smtp,
      databaseUrl,
      env,
      async startApi(name, extra = {}) {
        const api = await startApiProcess(name, { ...env, ...extra });
        return Object.assign(api, graphqlClient(api.url, 30_000));
      },
      startWorker: (name, extra = {}) => startWorkerProcess(name, { ...env, ...extra }),
      async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
        const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
        client.on('error', () => undefined);
        await client.connect();
        try {
          return (await client.query(sql, params)).rows as T[];
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      async adminToken(api) {
        adminSession ??= (await loginAs(api, adminNip)).accessToken;
        return adminSession;
      },
      destroy,
    };
    return stack;
  } catch (error) {
    await destroy();
    throw error;
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the fault tests with S3 run under the e2e global setup (npm run test:e2e)`);
  return value;
}
