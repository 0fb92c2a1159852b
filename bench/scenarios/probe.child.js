// Preloaded (NODE_OPTIONS=--require) into the API and worker of the soak: on SIGWINCH it appends one JSON line
// {at, rss, heapUsed, heapTotal, external, loopP99Ms, loopMaxMs} to BENCH_PROBE_DIR/probe-<pid>.jsonl. The worker
// has no HTTP server for /metrics, and heap and event-loop delay can only be read inside the process.
// SIGWINCH, because the API's shutdown hooks take SIGUSR2 (Nest's default signals) and a process without the probe
// ignores it. The event-loop histogram is reset at each sample, so each line's delay is that of the time since the last.
'use strict';
const { appendFileSync } = require('node:fs');
const { join } = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('SIGWINCH', () => {
    const m = process.memoryUsage();
    const line = {
      at: Date.now(),
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
    };
    loop.reset();
    appendFileSync(join(dir, `probe-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
  });
}
