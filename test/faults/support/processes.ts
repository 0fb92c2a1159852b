import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../harness/ports';
import { until } from '../../harness/wait';

const ROOT = join(__dirname, '..', '..', '..');

export interface GesitProcess {
  name: string;
  child: ChildProcess;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL, as the OOM killer or a pulled plug would; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (SIGKILL after 10 s). */
  stop(): Promise<void>;
  exited(): boolean;
}

export interface ApiProcess extends GesitProcess {
  url: string;
}

const live = new Set<GesitProcess>();
// Should Jest itself end early, no API or worker outlives it.
process.once('exit', () => live.forEach((p) => p.child.kill('SIGKILL')));

function launch(
  name: string,
  entry: string,
  env: Record<string, string>,
  readyLine: RegExp,
): { process: GesitProcess; ready: Promise<void> } {
  // Through @swc-node/register: starts as fast as a build would and needs none (nest build is the slow part of a start).
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let sawReady = false;
  const onData = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-20_000);
    if (!sawReady && readyLine.test(tail)) sawReady = true;
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc: GesitProcess = {
    name,
    child,
    output: () => tail.split('\n').slice(-60).join('\n'),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async kill9() {
      if (!proc.exited()) child.kill('SIGKILL');
      await gone;
      live.delete(proc);
    },
    async stop() {
      if (!proc.exited()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
      live.delete(proc);
    },
  };
  live.add(proc);
  const ready = until(
    `${name} to start`,
    () => {
      if (proc.exited()) throw new Error(`${name} exited during start-up:\n${proc.output()}`);
      return sawReady ? true : undefined;
    },
    90_000,
    50,
  ).then(
    () => undefined,
    async (error) => {
      await proc.kill9();
      throw new Error(`${(error as Error).message}\n${proc.output()}`);
    },
  );
  return { process: proc, ready };
}

/** The real API as a child process (apps/api/src/main.ts) on a free port. */
export async function startApiProcess(name: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const { process: proc, ready } = launch(
    name,
    'apps/api/src/main.ts',
    { ...env, PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? 'info' },
    /API ready/,
  );
  await ready;
  return Object.assign(proc, { url: `http://127.0.0.1:${port}` });
}

/** The real worker as a child process (apps/worker/src/main.ts). */
export async function startWorkerProcess(name: string, env: Record<string, string>): Promise<GesitProcess> {
  const { process: proc, ready } = launch(name, 'apps/worker/src/main.ts', { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'info' }, /worker ready/);
  await ready;
  return proc;
}

/** Kills every API and worker process a test started and has not stopped (for afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill9()));
}
