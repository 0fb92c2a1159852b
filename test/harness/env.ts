/** Settings shared by the global setup and every e2e test process. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gesit_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: process.env.GESIT_TEST_QUEUE_PREFIX ?? 'gesit-test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    MIGRATIONS_RUN_ON_START: 'false',
    DATABASE_CREATE_IF_MISSING: 'false',
    PORT: '0',
    HOST: '127.0.0.1',
    // Other test runs share this machine's CPU: waits for a connection or a lock stay bounded, but generously.
    // Tests of the timeouts themselves set their own, small ones.
    DATABASE_ACQUIRE_TIMEOUT_MS: '60000',
    DATABASE_LOCK_TIMEOUT_MS: '60000',
    DATABASE_STATEMENT_TIMEOUT_MS: '120000',
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '120000',
    // Fastify's connection timeout also closes a socket whose answer is still being worked on: a wave of
    // requests on a loaded machine can take longer than the production minute.
    HTTP_CONNECTION_TIMEOUT_MS: '300000',
    ...extra,
  };
}
