// Run by the signing scenario in a process of its own, so that its peak RSS is the 100-page pipeline's
// alone: plain JavaScript on the built modules of the pipeline (npm run build), no TypeScript loader
// and none of the Nest application around it. argv: runs. Prints {medianMs, peakRssMb, baseRssMb}.
'use strict';
const { join } = require('node:path');

const signing = join(__dirname, '..', '..', 'dist', 'libs', 'approvals', 'src', 'signing');
const { signLetterPdf } = require(join(signing, 'letter-pdf.pipeline'));
const { stampUploadedLetter } = require(join(signing, 'letter-stamp'));
const { findPlaceholders, readTextLayer } = require(join(signing, '..', 'pdf', 'text-layer'));
const { LocalP12Signer } = require(join(signing, 'local.signer'));
const { generateDevelopmentCertificate } = require(join(signing, 'local-certificate'));
const { makeDraftPdf, makeUploadedStamp } = require(join(signing, 'testing', 'draft-pdf'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const runs = Number(process.argv[2] ?? 20);
  const { p12, passphrase } = generateDevelopmentCertificate({ commonName: 'Gesit Bench', organisation: 'Gesit' });
  const signer = new LocalP12Signer(p12, passphrase);
  const request = { reason: 'Persetujuan naskah dinas', location: 'Jakarta', signerName: 'Kepala Dinas' };
  const draft = await makeDraftPdf(100);
  // The placeholders are found when the signer opens the step, before the number is taken: not timed here.
  const stamp = makeUploadedStamp(findPlaceholders(await readTextLayer(draft)));
  const sign = () => signLetterPdf((beforeSave) => stampUploadedLetter(draft, stamp, beforeSave), signer, request);
  const baseRssMb = process.resourceUsage().maxRSS / 1024;
  await sign();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await sign();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  process.stdout.write(JSON.stringify({ medianMs: median(times), peakRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
