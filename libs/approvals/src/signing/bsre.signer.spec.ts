import { BsreSigner } from './bsre.signer';
import { signLetterPdf } from './letter-pdf.pipeline';
import { generateDevelopmentCertificate } from './local-certificate';
import { LocalP12Signer } from './local.signer';
import type { SignRequest } from './signer.port';
import { BSRE_STAND_IN, bsreStandIn } from './testing/bsre-stand-in';
import { makeDraftPdf } from './testing/draft-pdf';
import { PdfTools } from './testing/pdf-tools';

const { nik: NIK, passphrase: PASSPHRASE } = BSRE_STAND_IN;

describe('BsreSigner', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Budi Santoso', organisation: 'BSrE stand-in' });
  const standIn = bsreStandIn(new LocalP12Signer(certificate.p12, certificate.passphrase));
  const tools = new PdfTools();
  const request = (passphrase = PASSPHRASE): SignRequest => ({
    reason: 'Penandatanganan naskah dinas',
    location: 'Bandung',
    signerName: 'Budi Santoso',
    credentials: { nik: NIK, passphrase },
  });
  let signer: BsreSigner;
  let draft: Buffer;

  beforeAll(async () => {
    signer = new BsreSigner({ url: await standIn.start(), username: 'gesit', password: 'client-secret', timeoutMs: 120_000 });
    draft = await makeDraftPdf(1);
  });
  afterAll(async () => {
    await standIn.stop();
    tools.cleanup();
  });
  beforeEach(() => {
    standIn.calls.length = 0;
    standIn.fail(null);
    standIn.stall(null);
  });

  it('sends the PDF with NIK and passphrase and returns the signed PDF', async () => {
    const signed = await signer.signPdf(draft, request());
    expect(tools.pdfsig(signed)).toContain('Signature is Valid.');
    expect(standIn.calls).toHaveLength(1);
    expect(standIn.calls[0].body).toMatchObject({ nik: NIK, passphrase: PASSPHRASE, file: [draft.toString('base64')] });
  });

  it('signs a rendered letter once: one call, one signature', async () => {
    const { pdf } = await signLetterPdf(() => makeDraftPdf(2), signer, request());
    expect(standIn.calls).toHaveLength(1);
    const report = tools.pdfsig(pdf);
    expect(report.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(report).toContain('Signer Certificate Common Name: Budi Santoso');
    expect(report).toContain('Total document signed');
  });

  it('reports a wrong passphrase as bad input, without echoing it, and does not retry', async () => {
    const error = await signer.signPdf(draft, request('keliru-987')).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((error as Error).message).toContain('Passphrase anda salah');
    expect((error as Error).message).not.toContain('keliru-987');
    expect(standIn.calls).toHaveLength(1);
  });

  it('fails on a server error without retrying', async () => {
    standIn.fail(500);
    await expect(signer.signPdf(draft, request())).rejects.toThrow(/BSrE failed to sign \(500\)/);
    expect(standIn.calls).toHaveLength(1);
  });

  it.each(['headers', 'body'] as const)('gives up at its timeout when BSrE stalls before sending the %s', async (where) => {
    standIn.stall(where);
    const timeoutMs = 300;
    const quick = new BsreSigner({ url: signer['settings'].url, username: 'gesit', password: 'client-secret', timeoutMs });
    const started = Date.now();
    const error = await quick.signPdf(draft, request()).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((error as Error).message).toContain('coba lagi');
    // A generous upper bound: without the abort the call never settles at all.
    expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(Date.now() - started).toBeLessThan(timeoutMs + 5000);
    expect(standIn.calls).toHaveLength(1);
  });

  it('refuses to call BSrE without credentials', async () => {
    await expect(signer.signPdf(draft, { ...request(), credentials: undefined })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(standIn.calls).toHaveLength(0);
  });
});
