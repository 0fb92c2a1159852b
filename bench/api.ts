// What the scenarios that drive the built API over HTTP share: starting it (and a baseline server) as a
// child process, logging seeded users in, GraphQL posts, and autocannon.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { totpCode } from '@gesit/identity/testing';
import { appName, withAppName } from './cpu';
import { freePort } from './measure';
import { productionEnv } from './production';
import { BENCH_PASSWORD } from './seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFlags = require('../scripts/node-flags') as { api: string[]; worker: string[] };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const root = join(__dirname, '..');

export async function post(port: number, body: unknown, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from port ${port}: ${await response.text()}`);
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function waitFor(check: () => Promise<boolean>, child: ChildProcess, what: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    // Generous: with other engineers' suites and benchmarks on the 2 cores, start-up has taken over a minute.
    if (Date.now() - start > 180_000) throw new Error(`${what} not ready within 180 s`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const stop = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

/**
 * Starts the built API (or BENCH_API_ENTRY, e.g. a patched copy of dist/) against `databaseUrl` on a free
 * port, as production runs it (bench/production.ts, scripts/node-flags.js); BENCH_API_ARGS adds node flags, e.g.
 * `--cpu-prof --cpu-prof-dir=bench/.data/prof` to profile it. Its pool connects as `appName`, so that
 * bench/cpu.ts finds its PostgreSQL backends.
 */
export async function startApi(
  databaseUrl: string,
  scenario: string,
  env: Record<string, string> = {},
  role = 'api',
): Promise<{ port: number; child: ChildProcess; appName: string }> {
  const entry = process.env.BENCH_API_ENTRY ?? join(root, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`run \`npm run build\` first: the ${scenario} scenario starts the built API`);
  const port = await freePort();
  const apiArgs = [...nodeFlags.api, ...(process.env.BENCH_API_ARGS ?? '').split(' ').filter(Boolean)];
  const name = appName(`${role}-${port}`);
  const child = spawn(process.execPath, [...apiArgs, entry], {
    cwd: root,
    env: {
      ...process.env,
      ...(await productionEnv()),
      DATABASE_URL: withAppName(databaseUrl, name),
      PORT: String(port),
      HOST: '127.0.0.1',
      // Where the bench reaches it: download links of files on local disk are made from it.
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status === 200), child, 'the API');
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { port, child, appName: name };
}

/**
 * Starts the built worker (or BENCH_WORKER_ENTRY) against `databaseUrl` as production runs it, on this bench
 * run's queues, with production's node flags (scripts/node-flags.js); BENCH_WORKER_ARGS adds more. Resolves when it says it is ready.
 */
export async function startWorker(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; appName: string }> {
  const entry = process.env.BENCH_WORKER_ENTRY ?? join(root, 'dist', 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error('run `npm run build` first: the scenario starts the built worker');
  const name = appName(`worker-${process.hrtime.bigint()}`);
  const args = [...nodeFlags.worker, ...(process.env.BENCH_WORKER_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...args, entry], {
    cwd: root,
    env: { ...process.env, ...(await productionEnv()), DATABASE_URL: withAppName(databaseUrl, name), SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the worker is not ready within 180 s')), 180_000);
      const onData = (chunk: Buffer) => {
        out += chunk;
        if (!out.includes('worker ready')) return;
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve();
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
    });
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { child, appName: name };
}

const AUTH_PAYLOAD = 'accessToken mfaRequired mfaChallengeToken mfaEnrolmentRequired';

interface AuthPayload {
  accessToken: string | null;
  mfaRequired: boolean;
  mfaChallengeToken: string | null;
  mfaEnrolmentRequired: boolean;
}

export async function gqlOk<T>(port: number, query: string, variables?: unknown, token?: string): Promise<T> {
  const result = await post(port, { query, variables }, token);
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** Logs a seeded user in through the API and returns the access token. */
export async function login(port: number, email: string): Promise<string> {
  const result = await post(port, {
    query: `mutation($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`,
    variables: { input: { identifier: email, password: BENCH_PASSWORD } },
  });
  const login = result.data?.login as AuthPayload | undefined;
  if (!login?.accessToken || login.mfaRequired) throw new Error(`login of ${email} failed: ${JSON.stringify(result)}`);
  return login.accessToken;
}

/**
 * Logs in a seeded user whose role requires two-factor sign-in (LEADER): enrols TOTP through the API
 * with a code of the current 30-second step, then signs in again and verifies with the next step's code
 * (a code is accepted once, and one step of drift is allowed).
 */
export async function loginWithTotp(port: number, email: string): Promise<string> {
  const signIn = async () =>
    (
      await gqlOk<{ login: AuthPayload }>(port, `mutation($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`, {
        input: { identifier: email, password: BENCH_PASSWORD },
      })
    ).login;
  const first = await signIn();
  if (!first.mfaEnrolmentRequired) throw new Error(`${email} is expected to need TOTP enrolment: ${JSON.stringify(first)}`);
  const { beginTotpEnrollment } = await gqlOk<{ beginTotpEnrollment: { secret: string } }>(
    port,
    'mutation { beginTotpEnrollment { secret } }',
    undefined,
    first.accessToken!,
  );
  const step = Math.floor(Date.now() / 30_000);
  await gqlOk(
    port,
    'mutation($code: String!) { confirmTotpEnrollment(code: $code) { recoveryCodes } }',
    { code: totpCode(beginTotpEnrollment.secret, new Date(step * 30_000)) },
    first.accessToken!,
  );
  const second = await signIn();
  const { verifyMfa } = await gqlOk<{ verifyMfa: AuthPayload }>(
    port,
    `mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${AUTH_PAYLOAD} } }`,
    { input: { challengeToken: second.mfaChallengeToken, code: totpCode(beginTotpEnrollment.secret, new Date((step + 1) * 30_000)) } },
  );
  if (!verifyMfa.accessToken) throw new Error(`two-factor sign-in of ${email} failed: ${JSON.stringify(verifyMfa)}`);
  return verifyMfa.accessToken;
}

/**
 * Starts a baseline server (`script databaseUrl port`), hands it `input` on stdin and waits for its first line.
 * Its pool connects as `appName` (set in the URL it is given).
 */
export async function startBaseline(
  script: string,
  databaseUrl: string,
  input: unknown,
): Promise<{ port: number; child: ChildProcess; appName: string }> {
  const port = await freePort();
  const name = appName(`floor-${port}`);
  const child = spawn(process.execPath, [script, withAppName(databaseUrl, name), String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin!.end(JSON.stringify(input));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return { port, child, appName: name };
}
