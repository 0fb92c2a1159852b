import type IORedis from 'ioredis';

/** Removes every key under `prefix:` (a run's queues), a batch at a time so that Redis is never blocked for long. */
export async function deleteKeysUnder(redis: IORedis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
