import { startTestApi, storageEnv, TestApi } from '../harness/app';
import { institutionSealEnv } from '../harness/seal';

// 12 levels deep; the default limit (GRAPHQL_MAX_DEPTH) is 10.
const DEEP_QUERY =
  '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }';

describe('HTTP surface', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('request id', () => {
    it('echoes the caller’s x-request-id', async () => {
      const res = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'ops-trace-0001' } });
      expect(res.headers.get('x-request-id')).toBe('ops-trace-0001');
    });

    it('makes one up when none or an unusable one is given', async () => {
      const plain = await fetch(`${api.url}/health/live`);
      expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const odd = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'not a valid id; drop table' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('GraphiQL', () => {
    it('serves its page pointing at our own assets', async () => {
      const res = await fetch(`${api.url}/graphiql`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain("createFetcher({ url: '/graphql' })");
      expect(html).not.toMatch(/unpkg|jsdelivr|cdn/i);
      for (const src of html.match(/(?:src|href)="[^"]+"/g) ?? []) expect(src).toMatch(/"\/graphiql\/assets\//);
    });

    it.each([
      ['react.production.min.js', 'text/javascript', 'react.production.min.js'],
      ['react-dom.production.min.js', 'text/javascript', 'react-dom.production.min.js'],
      ['graphiql.min.js', 'text/javascript', 'createFetcher'],
      ['graphiql.min.css', 'text/css', '.graphiql-container'],
    ])('serves %s', async (name, type, marker) => {
      const res = await fetch(`${api.url}/graphiql/assets/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(await res.text()).toContain(marker);
    });

    it('serves nothing else from node_modules', async () => {
      for (const name of ['package.json', '..%2F..%2Fpackage.json', 'constructor']) {
        expect((await fetch(`${api.url}/graphiql/assets/${name}`)).status).toBe(404);
      }
    });

    it('hands GraphiQL the schema, since the standard introspection query is deeper than the limit', async () => {
      const res = await fetch(`${api.url}/graphiql/schema.json`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { __schema: { queryType: { name: string }; types: { name: string }[] } };
      expect(body.__schema.queryType.name).toBe('Query');
      expect(body.__schema.types.map((t) => t.name)).toContain('DateTime');
    });

    it('does not exist in production', async () => {
      const production = await startTestApi({
        storage: 's3',
        env: {
          ...(storageEnv('s3') as Record<string, string>),
          NODE_ENV: 'production',
          JWT_SECRET: 'ops-e2e-jwt-secret-0123456789abcdefghij',
          ENCRYPTION_KEY: 'ops-e2e-encryption-key-0123456789abcdef',
          AUDIT_HMAC_KEY: 'ops-e2e-audit-hmac-key-0123456789abcdef',
          PUBLIC_BASE_URL: 'https://gesit.example.go.id',
          // Production needs the institution seal; BSrE is only called when a letter is signed.
          ...institutionSealEnv(),
          SIGNER: 'bsre',
          BSRE_URL: 'https://bsre.example.go.id',
        },
      });
      try {
        for (const path of ['/graphiql', '/graphiql/assets/graphiql.min.js', '/graphiql/schema.json']) {
          expect((await fetch(`${production.url}${path}`)).status).toBe(404);
        }
        expect((await fetch(`${production.url}/health/live`)).status).toBe(200);
      } finally {
        await production.close();
      }
    });
  });

  describe('GraphQL request guards', () => {
    it('refuses a POST that is not JSON (a cross-site form post)', async () => {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(415);
    });

    it('refuses a mutation over GET and still answers a query over GET', async () => {
      const mutation = await fetch(`${api.url}/graphql?query=${encodeURIComponent('mutation { __typename }')}`);
      expect(mutation.status).toBe(405);
      const query = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(query.status).toBe(200);
      expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a query deeper than the limit before running it', async () => {
      const res = await api.gql(DEEP_QUERY);
      expect(res.data).toBeNull();
      expect(res.errors?.length).toBeGreaterThan(0);
    });
  });
});
