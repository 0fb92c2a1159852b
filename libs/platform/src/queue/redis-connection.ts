import IORedis, { RedisOptions } from 'ioredis';

/** BullMQ workers need maxRetriesPerRequest: null; producers fail fast instead of queueing commands forever. */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): IORedis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5_000 };
  return new IORedis(url, { ...options, lazyConnect: false });
}
