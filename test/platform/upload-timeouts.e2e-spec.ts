import { existsSync, readdirSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { Role } from '@gesit/identity';
import { startTestApi, TestApi } from '../harness/app';
import { createSignedInTestUser } from '../harness/identity';
import { until } from '../harness/wait';

/** A client on a bare socket that starts a multipart upload of `filename` and then sends what the test says. */
function slowUpload(api: TestApi, token: string, filename: string): { socket: Socket; received: () => string; closed: () => boolean } {
  const { port } = new URL(api.url);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  const head = `--batas\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
  socket.write(
    [
      'POST /files HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${token}`,
      'Content-Type: multipart/form-data; boundary=batas',
      'Content-Length: 1000000',
      '',
      head,
    ].join('\r\n'),
  );
  return { socket, received: () => received, closed: () => closed };
}

describe('POST /files from a client that sends too slowly', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi({ env: { UPLOAD_IDLE_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '3000' } });
    token = (await createSignedInTestUser(api, { name: 'Siti Aminah', roles: [Role.STAFF] })).token;
  });

  afterAll(() => api.close());

  /** Nothing half-written: no row, no spooled file. */
  async function nothingLeftOf(filename: string): Promise<void> {
    const spool = api.config.uploadSpoolDir;
    await until('an empty spool', () => (!existsSync(spool) || readdirSync(spool).length === 0 ? true : undefined));
    expect(await api.app.get(DataSource).query('SELECT 1 FROM stored_file WHERE filename = $1', [filename])).toHaveLength(0);
  }

  it('answers 408 to an upload that stops sending, and keeps nothing of it', async () => {
    const client = slowUpload(api, token, 'berhenti.pdf');
    try {
      await until('an answer', () => (client.received().includes('\r\n\r\n') ? true : undefined));
      expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
      expect(client.received()).toMatch(/tidak ada data/);
      await nothingLeftOf('berhenti.pdf');
    } finally {
      client.socket.destroy();
    }
  });

  it('ends an upload that sends a byte now and then once the request takes longer than its limit, and keeps nothing of it', async () => {
    const client = slowUpload(api, token, 'menetes.pdf');
    // One byte every 300 ms: never idle for a second, but never done either.
    const trickle = setInterval(() => !client.closed() && client.socket.write('x'), 300);
    try {
      await until('the connection to close', () => (client.closed() ? true : undefined));
      expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
      await nothingLeftOf('menetes.pdf');
    } finally {
      clearInterval(trickle);
      client.socket.destroy();
    }
  });
});
