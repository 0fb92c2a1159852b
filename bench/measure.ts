import { createServer, type AddressInfo } from 'node:net';

export interface ScenarioResult {
  name: string;
  figure: string;
  /** figure / baseline, where the scenario has a baseline measured in the same run */
  ratio?: number;
  baseline?: string;
  /** CPU per request (or per job) against the floor's (bench/cpu.ts compareCpu), for the scenarios that measure it */
  cpu?: string;
  target: string;
  met: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One line per scenario: `name: figure (ratio to baseline)`. */
export function render(result: ScenarioResult): string {
  // Rounded down, so that a ratio just under its target never prints as the target itself.
  const ratio = result.ratio === undefined ? 'no baseline' : `${(Math.floor(result.ratio * 100) / 100).toFixed(2)} of ${result.baseline}`;
  const cpu = result.cpu ? `; ${result.cpu}` : '';
  return `${result.name}: ${result.figure} (${ratio}${cpu}; target ${result.target}: ${result.met ? 'met' : 'MISSED'})`;
}

/** A TCP port nobody listens on now, so that several benchmark runs on one machine do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
