import { MAINTENANCE_QUEUE, QueueRegistry } from '@gesit/platform';
import { startTestApi, TestApi } from '../harness/app';

describe('metrics', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  async function scrape(): Promise<string> {
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  }

  it('exposes Node.js process metrics without authentication', async () => {
    const text = await scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('times HTTP requests by route pattern, never by raw URL', async () => {
    await api.gqlOk('query OpsHttpProbe { __typename }');
    // A GET of an unknown path is the web console's (its pages live in the browser), so the unmatched request is a POST.
    await fetch(`${api.url}/no/such/page/42`, { method: 'POST' });
    const text = await scrape();
    expect(text).toMatch(/gesit_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toMatch(/gesit_http_request_duration_seconds_count\{method="POST",route="unmatched",status="404"\} [1-9]/);
    expect(text).not.toContain('/no/such/page');
  });

  it('times GraphQL operations by name', async () => {
    await api.gqlOk('query OpsNamedProbe { __typename }');
    await api.gqlOk('{ __typename }');
    // With several operations in one document, operationName says which one ran.
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query First { __typename } query Second { __typename }', operationName: 'Second' }),
    });
    expect(res.status).toBe(200);
    const text = await scrape();
    expect(text).toMatch(/gesit_graphql_operation_duration_seconds_count\{operation="OpsNamedProbe"\} 1\b/);
    expect(text).toMatch(/gesit_graphql_operation_duration_seconds_count\{operation="anonymous"\} [1-9]/);
    expect(text).toMatch(/gesit_graphql_operation_duration_seconds_count\{operation="Second"\} 1\b/);
    expect(text).not.toContain('operation="First"');
  });

  it('reports queue depth per state and failed jobs per queue', async () => {
    const text = await scrape();
    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(text).toMatch(new RegExp(`gesit_queue_jobs\\{queue="${MAINTENANCE_QUEUE}",state="${state}"\\} \\d+`));
    }
    expect(text).toMatch(new RegExp(`gesit_queue_jobs_failed_total\\{queue="${MAINTENANCE_QUEUE}"\\} \\d+`));
  });

  it('counts a queued job as waiting', async () => {
    const queue = `ops-metrics-${process.pid}`;
    const registry = api.app.get(QueueRegistry);
    await registry.get(queue).add('probe', {}, { jobId: `probe-${Date.now()}` });
    try {
      expect(await scrape()).toMatch(new RegExp(`gesit_queue_jobs\\{queue="${queue}",state="waiting"\\} 1\\b`));
    } finally {
      await registry.get(queue).obliterate({ force: true });
    }
  });
});
