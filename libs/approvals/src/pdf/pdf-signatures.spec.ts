import { createHash } from 'node:crypto';
import { generateDevelopmentCertificate } from '../signing/local-certificate';
import { LocalP12Signer } from '../signing/local.signer';
import { makeDraftPdf } from '../signing/testing/draft-pdf';
import { replacePagesIncrementally } from '../signing/testing/incremental-update';
import { PdfTools } from '../signing/testing/pdf-tools';
import { signatureDigests } from './pdf-signatures';

describe('signatureDigests', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Budi Santoso', organisation: 'Dinas Kominfo' });
  const signer = new LocalP12Signer(certificate.p12, certificate.passphrase);
  const request = { reason: 'Penandatanganan', location: 'Bandung', signerName: 'Budi Santoso' };
  const tools = new PdfTools();
  afterAll(() => tools.cleanup());

  /** The CMS as the signer wrote it: the /Contents hex up to its zero padding, read by hand. */
  function cmsOf(signed: Buffer): Buffer {
    const start = signed.indexOf('<', signed.lastIndexOf('/Contents ')) + 1;
    const hex = signed
      .subarray(start, signed.indexOf('>', start))
      .toString('latin1')
      .replace(/(00)+$/, '');
    return Buffer.from(hex, 'hex');
  }

  it('finds nothing in an unsigned PDF', async () => {
    expect(signatureDigests(await makeDraftPdf(1))).toEqual([]);
  });

  it('hashes the CMS of the signature, without the padding of its placeholder', async () => {
    const signed = await signer.signPdf(await makeDraftPdf(2), request);
    const cms = cmsOf(signed);
    expect(cms.length).toBeGreaterThan(500);
    expect(signatureDigests(signed)).toEqual([createHash('sha256').update(cms).digest('hex')]);
  });

  it('finds the same signature in a copy whose pages an incremental update replaced', async () => {
    const signed = await signer.signPdf(await makeDraftPdf(2), request);
    const forged = await replacePagesIncrementally(signed, 'Surat ini sudah diubah');
    expect(tools.pageTexts(forged).join('\n')).toContain('Surat ini sudah diubah');
    expect(tools.pageTexts(forged).join('\n')).not.toContain('Dengan hormat');
    expect(tools.pdfsig(forged)).not.toContain('Total document signed');
    expect(signatureDigests(forged)).toEqual(signatureDigests(signed));
  });

  it('lists every signature, oldest first, when a signed PDF is signed again', async () => {
    const first = await signer.signPdf(await makeDraftPdf(1), request);
    const digests = signatureDigests(first);
    const twice = await signer.signPdf(Buffer.from(first), { ...request, reason: 'Kedua' });
    expect(signatureDigests(twice)).toEqual([...digests, expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(new Set(signatureDigests(twice)).size).toBe(2);
  });
});
