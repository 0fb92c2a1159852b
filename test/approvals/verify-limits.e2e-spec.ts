import { startTestApi, TestApi } from '../harness/app';

const LIMIT = 5;
const CODE = 'AAAABBBBCCCCDDDD';

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: verifyDocument(code: "${CODE}") { valid }`).join(' ')} }`;

describe('public document verification: limits', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: String(LIMIT), GRAPHQL_MAX_ROOT_FIELDS: '20' } });
  });

  afterAll(() => api.close());

  it('refuses an operation that selects more root fields than allowed, before any lookup', async () => {
    const res = await api.gql(aliases(1000));
    expect(res.status).toBe(400);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/memilih 1000 kolom utama; paling banyak 20/);

    const mixed = await api.gql(`{ __typename ${aliases(21).slice(1, -1)} }`);
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts every alias against the per-address limit, shared by GraphQL and the /verify routes', async () => {
    // Fixed one-minute windows: a window may turn over once during the test, so a refusal comes within two limits.
    let checks = 0;
    let refused: Awaited<ReturnType<TestApi['gql']>> | null = null;
    while (!refused && checks <= 2 * LIMIT + 2) {
      const res = await api.gql(aliases(2));
      checks += 2;
      if (res.errors?.length) refused = res;
      else expect(res.data).toEqual({ v0: { valid: false }, v1: { valid: false } });
    }
    expect(refused).not.toBeNull();
    expect(refused!.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused!.errors?.[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    expect(refused!.errors?.[0].message).toMatch(/Terlalu banyak pemeriksaan dokumen/);

    const page = await fetch(`${api.url}/verify/${CODE}`);
    expect(page.status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.7 bukan surat')], { type: 'application/pdf' }), 'surat.pdf');
    const upload = await fetch(`${api.url}/verify`, { method: 'POST', body: form });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
