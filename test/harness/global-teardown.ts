import IORedis from 'ioredis';
import { TEST_REDIS_URL } from './env';
import { deleteKeysUnder } from './redis-keys';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__S3_SERVER__?.close();
  // Leave no queues of this run behind in the shared Redis.
  const prefix = process.env.GESIT_TEST_QUEUE_PREFIX;
  if (prefix) {
    const redis = new IORedis(TEST_REDIS_URL);
    await deleteKeysUnder(redis, prefix);
    await redis.quit();
  }
}
