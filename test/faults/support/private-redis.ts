import { ChildProcess, spawn } from 'node:child_process';
import IORedis from 'ioredis';
import { freePort } from '../../harness/ports';
import { until } from '../../harness/wait';

export interface PrivateRedis {
  url: string;
  /** Starts redis-server (again) on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Kills the server at once (SIGKILL): with no persistence, everything in it is gone. */
  kill(): Promise<void>;
  /** FLUSHALL. */
  flush(): Promise<void>;
  /** A client of this server (the caller disconnects it). */
  client(): IORedis;
  destroy(): Promise<void>;
}

/** A redis-server of the test's own on a free port, without persistence, so that a test may kill or flush it. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';
  const url = `redis://127.0.0.1:${port}`;
  const ping = async () => {
    const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      client.disconnect();
    }
  };
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);
  const server: PrivateRedis = {
    url,
    async start() {
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
      started.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
      const failed = new Promise<never>((_, reject) =>
        started.once('error', (error) =>
          reject(new Error(`redis-server could not be started (${error.message}); the fault tests need Debian's redis-server`)),
        ),
      );
      child = started;
      await Promise.race([
        failed,
        until(`the private redis-server on ${port}`, ping, 20_000).catch((e) => Promise.reject(new Error(`${e.message}\n${output}`))),
      ]);
    },
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGKILL');
      await exited;
    },
    async flush() {
      const client = server.client();
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
    client: () => new IORedis(url, { maxRetriesPerRequest: null }),
    async destroy() {
      process.removeListener('exit', onExit);
      await server.kill();
    },
  };
  try {
    await server.start();
  } catch (error) {
    await server.destroy();
    throw error;
  }
  return server;
}
