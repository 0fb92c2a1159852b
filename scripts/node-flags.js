// The Node.js flags each process runs with in production. `npm start` and the benchmarks read them from here;
// docker/compose.yml and package.json's start:api / start:worker spell them out (apps/worker/src/node-flags.spec.ts
// checks that they agree).
//
// Both cap their old generation at 1 GB. V8 lets the garbage between two full collections grow to a factor of the
// live heap, up to 4× when the heap may reach gigabytes and about 1.6× under a 1 GB cap. Their live heaps are about
// 100 MB: in the morning's mix the API's RSS reached 405–421 MB without the cap and 287–307 MB with it, and the
// worker's during an archive import 330–440 MB against 210–240 MB, at the same speed (bench/RESULTS.md, session 13).
// Uploads, scans and PDFs are Buffers, outside this limit.
module.exports = {
  api: ['--max-old-space-size=1024'],
  worker: ['--max-old-space-size=1024'],
};
