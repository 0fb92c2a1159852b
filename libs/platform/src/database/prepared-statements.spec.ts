import { preparePerConnection } from './prepared-statements';

function fakeClient() {
  const calls: unknown[][] = [];
  const client = { query: (...args: unknown[]) => (calls.push(args), Promise.resolve({ rows: [] })) };
  return { client, calls };
}

describe('preparePerConnection', () => {
  it('names each parameterised text by itself, the same name every time', async () => {
    const { client, calls } = fakeClient();
    preparePerConnection(client, 10);
    await client.query('SELECT $1::int', [1]);
    await client.query('SELECT $1::int', [2]);
    await client.query('SELECT $1::text', ['a']);
    const names = calls.map((c) => (c[0] as { name: string }).name);
    expect(names[0]).toMatch(/^g[0-9a-f]{40}$/);
    expect(names[1]).toBe(names[0]);
    expect(names[2]).not.toBe(names[0]);
    expect(calls[1][0]).toEqual({ name: names[0], text: 'SELECT $1::int', values: [2] });
  });

  it('leaves statements without parameters, and texts beyond the limit, unnamed', async () => {
    const { client, calls } = fakeClient();
    preparePerConnection(client, 1);
    await client.query('COMMIT', undefined);
    await client.query('SELECT $1::int', [1]);
    await client.query('SELECT $1::text', ['a']);
    expect(calls[0]).toEqual(['COMMIT', undefined, undefined]);
    expect((calls[1][0] as { name: string }).name).toBeDefined();
    expect(calls[2]).toEqual(['SELECT $1::text', ['a'], undefined]);
  });

  it('wraps a connection once, however often it is handed out', async () => {
    const { client, calls } = fakeClient();
    preparePerConnection(client, 10);
    preparePerConnection(client, 10);
    await client.query('SELECT $1::int', [1]);
    expect(calls).toHaveLength(1);
  });
});
