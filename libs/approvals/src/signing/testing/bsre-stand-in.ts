import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalP12Signer } from '../local.signer';

export const BSRE_STAND_IN = { username: 'gesit', password: 'client-secret', nik: '3273012345670001', passphrase: 'rahasia-bsre-123' };

/**
 * A stand-in of BSrE API v2 on a local port: checks basic auth, NIK and passphrase, and signs with a local
 * certificate; it can be told to fail with a status, or to stall before the headers or inside the body.
 */
export function bsreStandIn(signer: LocalP12Signer) {
  const calls: { authorization?: string; body: Record<string, unknown> }[] = [];
  let failWith: number | null = null;
  let stall: 'headers' | 'body' | null = null;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    calls.push({ authorization: req.headers.authorization, body });
    const reply = (status: number, payload: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (req.method !== 'POST' || req.url !== '/api/v2/sign/pdf') return reply(404, { error: 'not found' });
    if (failWith) return reply(failWith, { error: 'Internal error', status_code: failWith });
    if (stall === 'headers') return;
    if (stall === 'body') return res.writeHead(200, { 'content-type': 'application/json' }).write('{"file": ["');
    const expected = `Basic ${Buffer.from(`${BSRE_STAND_IN.username}:${BSRE_STAND_IN.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return reply(401, { error: 'Unauthorized client' });
    if (body.nik !== BSRE_STAND_IN.nik || body.passphrase !== BSRE_STAND_IN.passphrase)
      return reply(400, { error: 'Passphrase anda salah', status_code: 2031 });
    const signed = await signer.signPdf(Buffer.from(body.file[0], 'base64'), { reason: 'BSrE', location: 'Jakarta', signerName: 'Budi' });
    return reply(200, { file: [signed.toString('base64')] });
  });
  return {
    calls,
    fail: (status: number | null) => (failWith = status),
    stall: (where: 'headers' | 'body' | null) => (stall = where),
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
