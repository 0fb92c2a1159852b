import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { P12Signer } from '@signpdf/signer-p12';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { generateDevelopmentCertificate, LocalP12Signer, signLetterPdf, stampLetter } from '@gesit/approvals';
import { makeDraftPdf, makeStamp, makeSteps } from '@gesit/approvals/testing';
import { median, type ScenarioResult } from '../measure';

const request = { reason: 'Persetujuan naskah dinas', location: 'Jakarta', signerName: 'Kepala Dinas' };

/** The pipeline as the @signpdf documentation writes it: P12Signer parses the PKCS#12 on every signature. */
async function baselineSign(draft: Buffer, p12: Buffer, passphrase: string): Promise<Buffer> {
  const stamped = await stampLetter(
    draft,
    makeStamp({ approvalSheet: { title: 'LEMBAR PERSETUJUAN', draftRevision: 1, draftSha256: '0'.repeat(64), steps: makeSteps(3) } }),
  );
  const doc = await PDFDocument.load(stamped);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: request.reason,
    location: request.location,
    name: request.signerName,
    contactInfo: '',
    subFilter: 'ETSI.CAdES.detached',
  });
  const withPlaceholder = Buffer.from(await doc.save());
  return new SignPdf().sign(withPlaceholder, new P12Signer(Buffer.from(p12), { passphrase }));
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** Scenario 5: stamp, QR, footer, approval sheet and PAdES signature of a 10-page and a 100-page letter. */
export async function signing(quick: boolean): Promise<ScenarioResult[]> {
  const { p12, passphrase } = generateDevelopmentCertificate({ commonName: 'Gesit Bench', organisation: 'Gesit' });
  const signer = new LocalP12Signer(p12, passphrase);
  const stamp = makeStamp({
    approvalSheet: { title: 'LEMBAR PERSETUJUAN', draftRevision: 1, draftSha256: '0'.repeat(64), steps: makeSteps(3) },
  });
  const runs = quick ? 5 : 30;
  const ten = await makeDraftPdf(10);
  await time(3, () => signLetterPdf(ten, stamp, signer, request));
  const ours = median(await time(runs, () => signLetterPdf(ten, stamp, signer, request)));
  await time(2, () => baselineSign(ten, p12, passphrase));
  const baseline = median(await time(quick ? 3 : 10, () => baselineSign(ten, p12, passphrase)));
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'libs', 'approvals', 'src', 'signing', 'letter-pdf.pipeline.js'))) {
    throw new Error('run `npm run build` first: the 100-page signing runs on the built pipeline');
  }
  const child = execFileSync(process.execPath, [join(__dirname, 'signing-100.child.js'), String(quick ? 3 : 20)]);
  const {
    medianMs: hundredMs,
    peakRssMb,
    baseRssMb,
  } = JSON.parse(child.toString()) as { medianMs: number; peakRssMb: number; baseRssMb: number };
  return [
    {
      name: 'signing-10-pages',
      figure: `${ours.toFixed(1)} ms median`,
      ratio: ours / baseline,
      baseline: `P12Signer pipeline ${baseline.toFixed(1)} ms`,
      target: 'under 40 ms',
      met: ours < 40,
    },
    {
      name: 'signing-100-pages',
      figure: `${hundredMs.toFixed(1)} ms median, peak RSS ${peakRssMb.toFixed(0)} MB in a process of its own (${baseRssMb.toFixed(0)} MB of it before the first signature: Node, the pipeline's modules and the draft)`,
      target: 'under 120 ms and 250 MB',
      met: hundredMs < 120 && peakRssMb < 250,
    },
  ];
}
