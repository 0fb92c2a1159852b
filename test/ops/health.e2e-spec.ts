import { mkdirSync, rmSync } from 'node:fs';
import { startTestApi, TestApi } from '../harness/app';

interface HealthBody {
  status: string;
  info: Record<string, { status: string; driver?: string }>;
  error: Record<string, { status: string; message?: string }>;
}

async function getHealth(api: TestApi, path: string): Promise<{ status: number; body: HealthBody }> {
  const res = await fetch(`${api.url}${path}`);
  return { status: res.status, body: (await res.json()) as HealthBody };
}

describe('health', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers liveness without touching any dependency', async () => {
    const { status, body } = await getHealth(api, '/health/live');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('is ready when the database, Redis and object storage answer', async () => {
    const { status, body } = await getHealth(api, '/health/ready');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.info.database.status).toBe('up');
    expect(body.info.redis.status).toBe('up');
    expect(body.info.storage).toMatchObject({ status: 'up', driver: 'disk' });
  });

  it('answers 503 and names the dependency that failed', async () => {
    rmSync(api.config.storageDir, { recursive: true, force: true });
    try {
      const { status, body } = await getHealth(api, '/health/ready');
      expect(status).toBe(503);
      expect(body.status).toBe('error');
      expect(body.error.storage.status).toBe('down');
      expect(body.info.database.status).toBe('up');
      expect(body.info.redis.status).toBe('up');
    } finally {
      mkdirSync(api.config.storageDir, { recursive: true });
    }
  });

  it('checks S3 object storage when it is configured', async () => {
    const s3Api = await startTestApi({ storage: 's3' });
    try {
      const { status, body } = await getHealth(s3Api, '/health/ready');
      expect(status).toBe(200);
      expect(body.info.storage).toMatchObject({ status: 'up', driver: 's3' });
    } finally {
      await s3Api.close();
    }
  });
});
