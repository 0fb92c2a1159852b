// Run by the signing scenario in a process of its own, so its peak RSS is the 100-page pipeline's alone.
import { generateDevelopmentCertificate, LocalP12Signer, signLetterPdf } from '@gesit/approvals';
import { makeDraftPdf, makeStamp, makeSteps } from '../../libs/approvals/src/signing/testing/draft-pdf';
import { median } from '../measure';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 20);
  const { p12, passphrase } = generateDevelopmentCertificate({ commonName: 'Gesit Bench', organisation: 'Gesit' });
  const signer = new LocalP12Signer(p12, passphrase);
  const stamp = makeStamp({
    approvalSheet: { title: 'LEMBAR PERSETUJUAN', draftRevision: 1, draftSha256: '0'.repeat(64), steps: makeSteps(3) },
  });
  const request = { reason: 'Persetujuan naskah dinas', location: 'Jakarta', signerName: 'Kepala Dinas' };
  const draft = await makeDraftPdf(100);
  const baseRssMb = process.resourceUsage().maxRSS / 1024;
  await signLetterPdf(draft, stamp, signer, request);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await signLetterPdf(draft, stamp, signer, request);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  process.stdout.write(JSON.stringify({ medianMs: median(times), peakRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
