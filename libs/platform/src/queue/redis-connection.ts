import IORedis, { RedisOptions } from 'ioredis';

/**
 * BullMQ workers need maxRetriesPerRequest: null; producers fail fast instead of queueing commands forever.
 * Both pipeline what is sent in one tick into one socket write: each write is a system call that costs more
 * than the command. For producers that is the relay's job adds; for workers the completions of the jobs a
 * batch (JobBatcher) finished together, each with the fetch of the next job, and their lock renewals.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): IORedis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true, enableAutoPipelining: true }
      : { maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5_000, enableAutoPipelining: true };
  return new IORedis(url, { ...options, lazyConnect: false });
}
