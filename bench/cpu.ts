// CPU time per request: the figure that hardly moves with what else runs on the machine (throughput does).
// Each server under test is a child process; its PostgreSQL backends are found through pg_stat_activity by
// the application_name its pool connects with, and both are read from /proc/<pid>/stat (utime + stime).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
const SAMPLE_MS = 200;

/** utime + stime of a process (every thread) in ms, or undefined once it is gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted from the closing parenthesis (state is field 3).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** A name for a pool's connections, unique to this bench run, so that concurrent runs on the machine do not mix. */
export function appName(role: string): string {
  return `gesit-bench-${process.pid}-${role}`;
}

/** `url` with `application_name` set: pg reads it from the connection string, over the pool's own settings. */
export function withAppName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/** One side measured: the Node processes serving it and the application_name of their pools. */
export interface CpuSide {
  pids: number[];
  appName: string;
}

export interface CpuUsage {
  nodeMs: number;
  pgMs: number;
}

/**
 * Runs `work` and returns the CPU the sides used meanwhile. Backends are listed every 200 ms; one that
 * appears during the window counts from zero (a pool opening a connection under load), one that ends
 * counts up to its last sample.
 */
export async function measureCpu<T>(
  databaseUrl: string,
  sides: CpuSide[],
  work: () => Promise<T>,
): Promise<{ result: T; usage: CpuUsage[] }> {
  const meter = new Client({ connectionString: withAppName(databaseUrl, appName('meter')) });
  await meter.connect();
  const backends = sides.map(() => new Map<number, { first: number; last: number }>());
  const sample = async (initial: boolean) => {
    const { rows } = await meter.query<{ pid: number; application_name: string }>(
      'SELECT pid, application_name FROM pg_stat_activity WHERE application_name = ANY($1)',
      [sides.map((s) => s.appName)],
    );
    for (const row of rows) {
      const side = sides.findIndex((s) => s.appName === row.application_name);
      const cpu = processCpuMs(row.pid);
      if (cpu === undefined) continue;
      const seen = backends[side].get(row.pid);
      if (seen) seen.last = cpu;
      else backends[side].set(row.pid, { first: initial ? cpu : 0, last: cpu });
    }
  };
  const nodeBefore = sides.map((s) => s.pids.map((pid) => processCpuMs(pid) ?? 0));
  try {
    await sample(true);
    let sampling = Promise.resolve();
    const timer = setInterval(() => (sampling = sampling.then(() => sample(false)).catch(() => undefined)), SAMPLE_MS);
    let result: T;
    try {
      result = await work();
    } finally {
      clearInterval(timer);
      await sampling;
    }
    await sample(false);
    const usage = sides.map((s, i) => ({
      nodeMs: s.pids.reduce((sum, pid, j) => sum + ((processCpuMs(pid) ?? nodeBefore[i][j]) - nodeBefore[i][j]), 0),
      pgMs: [...backends[i].values()].reduce((sum, b) => sum + b.last - b.first, 0),
    }));
    return { result, usage };
  } finally {
    await meter.end();
  }
}

export interface CpuPerRequest {
  node: number;
  pg: number;
}

export function perRequest(usage: CpuUsage[], requests: number[]): CpuPerRequest {
  const total = requests.reduce((a, b) => a + b, 0);
  const sum = (key: keyof CpuUsage) => usage.reduce((a, u) => a + u[key], 0);
  return { node: sum('nodeMs') / Math.max(total, 1), pg: sum('pgMs') / Math.max(total, 1) };
}

export interface CpuTargets {
  /** most node CPU per request of the server under test, as a multiple of the floor's */
  node: number;
  /** most node + PostgreSQL CPU per request, as a multiple of the floor's */
  total: number;
}

export interface CpuComparison {
  text: string;
  target: string;
  met: boolean;
  nodeRatio: number;
  totalRatio: number;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** `CPU per request node 1.19 ms + pg 1.01 ms (floor 0.34 + 1.14 ms): node 3.50×, total 1.49×`, and whether the targets hold. */
export function compareCpu(ours: CpuPerRequest, floor: CpuPerRequest, targets: CpuTargets): CpuComparison {
  const nodeRatio = ours.node / floor.node;
  const totalRatio = (ours.node + ours.pg) / (floor.node + floor.pg);
  return {
    text: `CPU per request node ${ms(ours.node)} + pg ${ms(ours.pg)} (floor ${ms(floor.node)} + ${ms(floor.pg)}): node ${nodeRatio.toFixed(2)}×, total ${totalRatio.toFixed(2)}×`,
    target: `CPU node ≤ ${targets.node}×, total ≤ ${targets.total}×`,
    met: nodeRatio <= targets.node && totalRatio <= targets.total,
    nodeRatio,
    totalRatio,
  };
}
