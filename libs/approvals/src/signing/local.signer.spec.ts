import { X509Certificate } from 'node:crypto';
import { generateDevelopmentCertificate } from './local-certificate';
import { LocalP12Signer } from './local.signer';
import type { SignRequest } from './signer.port';
import { makeDraftPdf } from './testing/draft-pdf';
import { PdfTools } from './testing/pdf-tools';

describe('LocalP12Signer', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Budi Santoso', organisation: 'Dinas Kominfo' });
  const request: SignRequest = { reason: 'Persetujuan (final) \\ surat dinas', location: 'Bandung', signerName: 'Budi Santoso' };
  const tools = new PdfTools();
  let signer: LocalP12Signer;
  let draft: Buffer;

  beforeAll(async () => {
    signer = new LocalP12Signer(certificate.p12, certificate.passphrase);
    draft = await makeDraftPdf(2);
  });
  afterAll(() => tools.cleanup());

  it('signs a plain PDF through the port: PAdES subfilter, whole document, valid', async () => {
    const signed = await signer.signPdf(draft, request);
    const report = tools.pdfsig(signed);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signer Certificate Common Name: Budi Santoso');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature is Valid.');
    expect(tools.qpdfProblems(signed)).toEqual([]);
  });

  it('signs twice in a row with the same instance', async () => {
    const first = await signer.signPdf(draft, request);
    const second = await signer.signPdf(draft, { ...request, reason: 'Kedua' });
    expect(tools.pdfsig(first)).toContain('Signature is Valid.');
    expect(tools.pdfsig(second)).toContain('Signature is Valid.');
  });

  it('puts contentType, messageDigest and signing-certificate-v2 in the CMS, not signing-time, plus the chain', async () => {
    const signed = await signer.signPdf(draft, request);
    const start = signed.indexOf('<', signed.lastIndexOf('/Contents ')) + 1;
    const cms = Buffer.from(signed.subarray(start, signed.indexOf('>', start)).toString('latin1'), 'hex');
    const oid = (hex: string) => Buffer.from(hex, 'hex');
    expect(cms.includes(oid('06092a864886f70d010903'))).toBe(true); // contentType
    expect(cms.includes(oid('06092a864886f70d010904'))).toBe(true); // messageDigest
    expect(cms.includes(oid('060b2a864886f70d010910022f'))).toBe(true); // id-aa-signingCertificateV2
    expect(cms.includes(oid('06092a864886f70d010905'))).toBe(false); // signingTime
    expect(cms.includes(new X509Certificate(certificate.caCertPem).raw)).toBe(true);
  });

  it.each([
    ['the first byte range', (pdf: Buffer) => pdf.indexOf('%', 1) + 1],
    ['the second byte range', (pdf: Buffer) => pdf.lastIndexOf('(Bandung)') + 1],
  ])('reports a changed byte in %s as a digest mismatch', async (_, offset) => {
    const signed = await signer.signPdf(draft, request);
    signed[offset(signed)] ^= 0x01;
    expect(tools.pdfsig(signed)).toContain('Digest Mismatch.');
  });

  it('is trusted by an NSS database that trusts the development CA', async () => {
    const signed = await signer.signPdf(draft, request);
    expect(tools.pdfsig(signed, tools.trustStore(certificate.caCertPem))).toContain('Certificate is Trusted');
  });

  it('refuses a PDF without its placeholder', async () => {
    await expect(signer.signPrepared(draft)).rejects.toThrow(/no signature placeholder/);
  });
});
