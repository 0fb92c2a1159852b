// The Node.js flags each process runs with in production. `npm start` and the benchmarks read them from here;
// docker/compose.yml and package.json's start:api / start:worker spell them out (apps/worker/src/node-flags.spec.ts
// checks that they agree).
//
// The worker caps its old generation at 1 GB. V8 lets the garbage between two full collections grow to a factor of
// the live heap, up to 4× when the heap may reach gigabytes and about 1.6× under a 1 GB cap. The worker's live heap is
// about 90 MB: during an archive import its RSS rose to 330–440 MB without the cap and stays at 210–240 MB with it,
// at the same speed. Scans and PDFs are Buffers, outside this limit.
// The API does not: the same cap took its RSS in the morning's mix from 405–421 MB to 287–307 MB, but its more
// frequent full collections cost the inbox 15% more CPU per request and doubled its p99 (31–34 → 58–60 ms), on a
// path where people wait (bench/RESULTS.md, session 13).
module.exports = {
  api: [],
  worker: ['--max-old-space-size=1024'],
};
