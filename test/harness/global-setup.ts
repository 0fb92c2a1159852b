import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startS3Server } from './s3-server';

declare global {
  var __S3_SERVER__: { close(): Promise<void> } | undefined;
}

/** One fresh, migrated database and one S3 test server for the whole e2e run. */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'prepare-database.ts')], {
    stdio: 'inherit',
    cwd: join(__dirname, '..', '..'),
  });
  const s3 = await startS3Server();
  globalThis.__S3_SERVER__ = s3;
  process.env.GESIT_TEST_S3_ENDPOINT = s3.endpoint;
  process.env.GESIT_TEST_S3_ACCESS_KEY = s3.accessKey;
  process.env.GESIT_TEST_S3_SECRET_KEY = s3.secretKey;
  process.env.GESIT_TEST_QUEUE_PREFIX = `gesit-test-${process.pid}`;
}
