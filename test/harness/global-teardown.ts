import IORedis from 'ioredis';
import { TEST_REDIS_URL } from './env';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__S3_SERVER__?.close();
  // Leave no queues of this run behind in the shared Redis.
  const prefix = process.env.GESIT_TEST_QUEUE_PREFIX;
  if (prefix) {
    const redis = new IORedis(TEST_REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}
