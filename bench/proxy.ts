// A round-robin reverse proxy over several API processes (the scale-out shape), HTTP and WebSocket
// upgrades, on node:http alone: each request and each upgraded connection goes to the next process.
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { pipeline } from 'node:stream';

export async function startRoundRobin(ports: number[]): Promise<{ port: number; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  let next = 0;
  const pick = () => ports[next++ % ports.length];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: pick(), method: req.method, path: req.url, headers: req.headers, agent },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        // pipeline, not pipe: an answer cut short (an API stopped mid-response) must end the exchange, not
        // throw an unhandled "aborted" error in the bench process.
        pipeline(answer, res, () => undefined);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502);
      res.end(String(error));
    });
    pipeline(req, upstream, () => undefined);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const backend = connect(pick(), '127.0.0.1', () => {
      const headers = Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`]));
      backend.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length) backend.write(head);
      backend.pipe(client);
      client.pipe(backend);
    });
    sockets.add(backend);
    backend.once('close', () => sockets.delete(backend));
    const end = () => {
      backend.destroy();
      client.destroy();
    };
    backend.on('error', end);
    client.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
