// The Node.js flags each process runs with in production. `npm start` and the benchmarks read them from here;
// docker/compose.yml and package.json's start:api / start:worker spell them out (apps/worker/src/node-flags.spec.ts
// checks that they agree).
//
// The worker's old generation is capped at 1 GB. V8 lets the garbage between two full collections grow to a factor
// of the live heap, up to 4× when the heap may reach gigabytes and about 1.6× under a 1 GB cap. The worker's live
// heap is about 90 MB, so during an archive import its RSS rose to 330–440 MB before each collection, and stays at
// 210–230 MB with the cap at the same speed (bench/RESULTS.md, session 13). Scans and PDFs are Buffers, outside
// this limit.
module.exports = {
  api: [],
  worker: ['--max-old-space-size=1024'],
};
