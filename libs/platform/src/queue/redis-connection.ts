import IORedis, { RedisOptions } from 'ioredis';

/**
 * BullMQ workers need maxRetriesPerRequest: null; producers fail fast instead of queueing commands forever.
 * Producers pipeline what is sent in one tick (the relay's job adds, the delivery ledger of a batch of
 * notifications) into one socket write: each write is a system call that costs more than the command.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): IORedis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5_000, enableAutoPipelining: true };
  return new IORedis(url, { ...options, lazyConnect: false });
}
