// The settings the benchmarked API and worker run with: production's (NODE_ENV=production, S3 storage,
// secrets and a seal of their own, the request log at info as shipped), on an s3rver this bench run starts.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { generateDevelopmentCertificate } from '@gesit/approvals';
import { startS3Server, type S3TestServer } from '../test/harness/s3-server';

const root = join(__dirname, '..');
let started: Promise<{ s3: S3TestServer; env: Record<string, string>; sealPath: string }> | undefined;

const secret = () => randomBytes(32).toString('base64url');

/** The queues of this bench run's API and worker processes, apart from anyone else's on the shared Redis. */
export const BENCH_QUEUE_PREFIX = `bench-${process.pid}`;

async function start() {
  const s3 = await startS3Server();
  const seal = generateDevelopmentCertificate({ commonName: 'Gesit Bench Seal', organisation: 'Gesit (bench)' });
  const dir = join(root, 'bench', '.data');
  await mkdir(dir, { recursive: true });
  const sealPath = join(dir, `seal-${process.pid}.p12`);
  await writeFile(sealPath, seal.p12, { mode: 0o600 });
  const env = {
    NODE_ENV: 'production',
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    AUDIT_HMAC_KEY: secret(),
    PUBLIC_BASE_URL: 'https://gesit.bench.example.go.id',
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: 'gesit-bench',
    // s3rver has no multipart upload: every object goes in one PUT, as in the tests.
    S3_PART_SIZE_MB: '5120',
    SIGNING_P12_PATH: sealPath,
    SIGNING_P12_PASSPHRASE: seal.passphrase,
    LOG_LEVEL: 'info',
    QUEUE_PREFIX: BENCH_QUEUE_PREFIX,
    // As docker/Dockerfile and `npm start` run them: two glibc malloc arenas, not one for each busy thread.
    MALLOC_ARENA_MAX: '2',
  };
  return { s3, env, sealPath };
}

/** The production environment of this bench run (the same secrets for every process, so that tokens carry over). */
export async function productionEnv(): Promise<Record<string, string>> {
  started ??= start();
  return (await started).env;
}

/** Stops the s3rver, removes the seal and this run's queue keys; the bench calls it once at the end. */
export async function closeProduction(): Promise<void> {
  if (!started) return;
  const { s3, sealPath } = await started;
  started = undefined;
  await s3.close();
  await rm(sealPath, { force: true });
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    const stream = redis.scanStream({ match: `${BENCH_QUEUE_PREFIX}:*`, count: 1000 });
    for await (const keys of stream) if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
  } finally {
    redis.disconnect();
  }
}
