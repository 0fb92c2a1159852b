import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { AppConfig, loadConfig } from '@gesit/platform';
import { createApi } from '../../apps/api/src/bootstrap';
import { startWorker } from '../../apps/worker/src/bootstrap';
import { testEnv } from './env';
import { graphqlClient, type GraphqlClient } from './graphql';
import { freePort } from './ports';

export { errorCode, type GraphqlResponse } from './graphql';

export type StorageKind = 'disk' | 's3';

export interface TestApi extends GraphqlClient {
  app: NestFastifyApplication;
  config: AppConfig;
  close(): Promise<void>;
}

export function storageEnv(kind: StorageKind): Record<string, string | undefined> {
  if (kind === 's3') {
    return {
      S3_ENDPOINT: process.env.GESIT_TEST_S3_ENDPOINT,
      S3_ACCESS_KEY: process.env.GESIT_TEST_S3_ACCESS_KEY,
      S3_SECRET_KEY: process.env.GESIT_TEST_S3_SECRET_KEY,
      S3_BUCKET: `gesit-e2e-${process.pid}`,
      // s3rver has no multipart upload: every object goes in one PUT.
      S3_PART_SIZE_MB: '5120',
      // A spool of this API's own, so that a test can see it empty whatever else runs on the machine.
      UPLOAD_SPOOL_DIR: mkdtempSync(join(tmpdir(), 'gesit-spool-')),
    };
  }
  return { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'gesit-files-')) };
}

/** Boots the real API in this process on a free port, against the test database, Redis and storage. */
export async function startTestApi(
  options: { storage?: StorageKind; env?: Record<string, string>; logDestination?: DestinationStream } = {},
): Promise<TestApi> {
  const port = await freePort();
  const env = testEnv({
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...storageEnv(options.storage ?? 'disk'),
    ...options.env,
  });
  const config = loadConfig(env);
  const app = await createApi(config, { logger: false, logDestination: options.logDestination });
  await app.listen(config.port, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    ...graphqlClient(url),
    app,
    config,
    async close() {
      await app.close();
      rmSync(config.s3 === null ? config.storageDir : config.uploadSpoolDir, { recursive: true, force: true });
    },
  };
}

/** Boots the real worker (processors, schedulers, outbox relay) in this process. */
export async function startTestWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return startWorker(loadConfig(testEnv(env)), { logger: false });
}
