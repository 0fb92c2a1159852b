// node bench/profile-summary.js FILE.cpuprofile: where a process's CPU went, by package, idle and start-up excluded.
// Used for RESULTS.md with `BENCH_API_ARGS="--cpu-prof --cpu-prof-dir=bench/.data/prof" npm run bench -- --only inbox`.
'use strict';
const profile = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const startup = (id) => {
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const f = nodes.get(cur).callFrame;
    if (/run_main_module|executeUserEntryPoint|NestFactory|bootstrap/.test(f.functionName + f.url)) return true;
  }
  return false;
};
function category(n) {
  const { url, functionName } = n.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8/native (program)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const p = m[1];
    if (/^(pg|pg-protocol|pg-types|postgres-.*|pg-pool)$/.test(p)) return 'pg driver';
    if (p === 'typeorm') return 'typeorm';
    if (/^(graphql|graphql-jit|mercurius|@nestjs\/mercurius|@nestjs\/graphql|graphql-query-complexity)$/.test(p))
      return 'graphql (graphql-js, graphql-jit, mercurius, @nestjs/graphql)';
    if (/^(fastify|@fastify\/.*|find-my-way|light-my-request|avvio|fast-json-stringify)$/.test(p)) return 'fastify';
    if (/^@nestjs\//.test(p)) return 'nest core (context creators, guards, pipes, interceptors)';
    if (/^(jose)$/.test(p)) return 'jose (JWT)';
    if (/^(pino|pino-http|nestjs-pino)$/.test(p)) return 'logging';
    if (p === 'dataloader') return 'dataloader';
    return `other package ${p}`;
  }
  if (/\/(dist|libs|apps)\//.test(url)) return 'application code';
  if (/^node:internal\/crypto|webcrypto/.test(url)) return 'node crypto (JWT HMAC)';
  if (/^node:/.test(url) || functionName === 'writev' || functionName === 'runMicrotasks' || url === '')
    return 'node runtime (sockets, streams, promises)';
  return 'other';
}
const totals = new Map();
let busy = 0;
profile.samples.forEach((id, i) => {
  const n = nodes.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (n.callFrame.functionName === '(idle)' || startup(id)) return;
  busy += dt;
  const c = category(n);
  totals.set(c, (totals.get(c) ?? 0) + dt);
});
console.log(`busy CPU outside start-up: ${(busy / 1e6).toFixed(1)} s`);
for (const [c, t] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`${((100 * t) / busy).toFixed(1).padStart(5)}%  ${c}`);
