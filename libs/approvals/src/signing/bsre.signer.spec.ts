import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BsreSigner } from './bsre.signer';
import { generateDevelopmentCertificate } from './local-certificate';
import { LocalP12Signer } from './local.signer';
import type { SignRequest } from './signer.port';
import { makeDraftPdf } from './testing/draft-pdf';
import { PdfTools } from './testing/pdf-tools';

const NIK = '3273012345670001';
const PASSPHRASE = 'rahasia-bsre-123';

/** A stand-in of BSrE API v2: checks basic auth, NIK and passphrase, and signs with a local certificate. */
function bsreStandIn(signer: LocalP12Signer) {
  const calls: { authorization?: string; body: Record<string, unknown> }[] = [];
  let failWith: number | null = null;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    calls.push({ authorization: req.headers.authorization, body });
    const reply = (status: number, payload: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (req.method !== 'POST' || req.url !== '/api/v2/sign/pdf') return reply(404, { error: 'not found' });
    if (failWith) return reply(failWith, { error: 'Internal error', status_code: failWith });
    if (req.headers.authorization !== `Basic ${Buffer.from('gesit:client-secret').toString('base64')}`)
      return reply(401, { error: 'Unauthorized client' });
    if (body.nik !== NIK || body.passphrase !== PASSPHRASE) return reply(400, { error: 'Passphrase anda salah', status_code: 2031 });
    const signed = await signer.signPdf(Buffer.from(body.file[0], 'base64'), { reason: 'BSrE', location: 'Jakarta', signerName: 'Budi' });
    return reply(200, { file: [signed.toString('base64')] });
  });
  return {
    calls,
    fail: (status: number | null) => (failWith = status),
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
  });

  it('sends the PDF with NIK and passphrase and returns the signed PDF', async () => {
    const signed = await signer.signPdf(draft, request());
    expect(tools.pdfsig(signed)).toContain('Signature is Valid.');
    expect(standIn.calls).toHaveLength(1);
    expect(standIn.calls[0].body).toMatchObject({ nik: NIK, passphrase: PASSPHRASE, file: [draft.toString('base64')] });
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

  it('refuses to call BSrE without credentials', async () => {
    await expect(signer.signPdf(draft, { ...request(), credentials: undefined })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(standIn.calls).toHaveLength(0);
  });
});
