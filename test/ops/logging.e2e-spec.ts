import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@gesit/platform';
import { createApi } from '../../apps/api/src/bootstrap';
import { storageEnv } from '../harness/app';
import { testEnv } from '../harness/env';

interface LogLine {
  level: string;
  msg: string;
  app?: string;
  reqId?: string;
  context?: string;
  request?: { method: string; url: string; route?: string; headers: Record<string, string> };
  response?: { statusCode: number };
}

// Its own file: nestjs-pino keeps one root logger per module registry, and this test wants it to be the capturing one.
describe('structured logs', () => {
  const output: string[] = [];
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig(testEnv({ ...storageEnv('disk'), LOG_LEVEL: 'info' }));
    app = await createApi(config, { logDestination: { write: (line: string) => void output.push(line) } });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  const lines = (): LogLine[] => output.map((line) => JSON.parse(line) as LogLine);

  it('writes JSON lines, Nest’s own included', () => {
    expect(output.length).toBeGreaterThan(0);
    const all = lines();
    expect(all.every((line) => typeof line.level === 'string' && line.app === 'api')).toBe(true);
    expect(all.some((line) => line.context === 'RoutesResolver')).toBe(true);
  });

  it('logs one line per request with its id, and redacts credentials', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer ops-secret-access-token',
        cookie: 'refresh=ops-secret-cookie',
        'x-request-id': 'ops-log-0001',
      },
      body: JSON.stringify({ query: 'mutation { login(password: "x") }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('ops-log-0001');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const requestLines = lines().filter((line) => line.reqId === 'ops-log-0001' && line.request);
    expect(requestLines).toHaveLength(1);
    const [line] = requestLines;
    expect(line.request).toMatchObject({ method: 'POST', url: '/graphql', route: '/graphql' });
    expect(line.response?.statusCode).toBe(res.status);
    expect(line.request?.headers.authorization).toBe('[Redacted]');
    expect(line.request?.headers.cookie).toBe('[Redacted]');
    expect(line.request?.headers['user-agent']).toBeDefined();
    const text = output.join('');
    expect(text).not.toContain('ops-secret-access-token');
    expect(text).not.toContain('ops-secret-cookie');
  });

  it('leaves routine probes out at info level', async () => {
    await fetch(`${url}/health/live`, { headers: { 'x-request-id': 'ops-log-probe' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines().filter((line) => line.reqId === 'ops-log-probe')).toHaveLength(0);
  });
});
