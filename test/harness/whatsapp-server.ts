import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWhatsApp {
  path: string;
  authorization: string | undefined;
  body: any;
}

export interface TestWhatsAppServer {
  /** Give this as WHATSAPP_API_URL. */
  url: string;
  received: ReceivedWhatsApp[];
  /** How many of the next requests to answer 500 (as the Cloud API does when it is unwell). */
  failNext: number;
  close(): Promise<void>;
}

/**
 * A local stand-in for the WhatsApp Business Cloud API's messages endpoint: it keeps every request and
 * answers as Meta does (a message id), or with an error when told to.
 */
export async function startWhatsAppServer(): Promise<TestWhatsAppServer> {
  const received: ReceivedWhatsApp[] = [];
  const state = { failNext: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || !/^\/[^/]+\/\d+\/messages$/.test(req.url ?? '')) {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { message: 'Unknown path', code: 100 } }));
        return;
      }
      if (state.failNext > 0) {
        state.failNext -= 1;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { message: 'Service temporarily unavailable', code: 2 } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received.push({ path: req.url!, authorization: req.headers.authorization, body });
      res.end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: `wamid.${received.length}` }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v21.0`,
    received,
    get failNext() {
      return state.failNext;
    },
    set failNext(n: number) {
      state.failNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
