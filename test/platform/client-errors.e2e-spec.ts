import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';

// What PostgreSQL says when it refuses a value; none of it may reach a client.
const POSTGRES_TEXT =
  /invalid input syntax|invalid byte sequence|violates|relation "|column "|SQLSTATE|QueryFailedError|timestamp with time zone/i;

interface Answer {
  status: number;
  text: string;
  code?: string;
}

describe('client errors are the client’s, and PostgreSQL’s words stay on the server', () => {
  let api: TestApi;
  let admin: string;
  const answers: Answer[] = [];

  beforeAll(async () => {
    // Behind a trusted proxy on this machine, so that the proxy's X-Forwarded-Host is one Fastify believes.
    api = await startTestApi({ env: { TRUSTED_PROXIES: '127.0.0.1', PUBLIC_BASE_URL: 'https://gesit.example.go.id' } });
    admin = await adminToken(api);
  });

  afterAll(() => {
    // Every answer of this file, successful or not, is free of PostgreSQL's text.
    for (const answer of answers) expect(answer.text).not.toMatch(POSTGRES_TEXT);
    return api.close();
  });

  async function send(path: string, init: RequestInit): Promise<Answer> {
    const res = await fetch(`${api.url}${path}`, init);
    const text = await res.text();
    const body = JSON.parse(text) as { error?: { code: string }; errors?: { extensions: { code: string } }[] };
    const answer = { status: res.status, text, code: body.error?.code ?? body.errors?.[0]?.extensions.code };
    answers.push(answer);
    return answer;
  }

  const graphql = (query: string, variables?: Record<string, unknown>) =>
    send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });

  it('answers a multipart body that breaks off with 400 BAD_USER_INPUT', async () => {
    const res = await send('/files', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'multipart/form-data; boundary=batas' },
      body: '--batas\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 terputus',
    });
    expect(res).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await api.app.get(DataSource).query("SELECT 1 FROM stored_file WHERE filename = 'surat.pdf'")).toHaveLength(0);
  });

  it('answers JSON that does not parse with 400 BAD_USER_INPUT', async () => {
    const res = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('answers a body over the limit with 413 BAD_USER_INPUT', async () => {
    const res = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res).toMatchObject({ status: 413, code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['letters', 'query($s: String) { letters(filter: { search: $s }) { totalCount } }'],
    ['inbox', 'query($s: String) { inbox(filter: { search: $s }) { totalCount } }'],
  ])('answers a NUL byte in the search of %s with BAD_USER_INPUT', async (_name, query) => {
    expect(await graphql(query, { s: 'rapat\u0000koordinasi' })).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['letters', 'query($a: String) { letters(after: $a) { totalCount } }'],
    ['inbox', 'query($a: String) { inbox(after: $a) { totalCount } }'],
    ['approvalQueue', 'query($a: String) { approvalQueue(after: $a) { totalCount } }'],
  ])('answers a forged cursor for %s with BAD_USER_INPUT', async (_name, query) => {
    const forged = Buffer.from(JSON.stringify(['bukan-tanggal', 'bukan-uuid'])).toString('base64url');
    expect(await graphql(query, { a: forged })).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
  });

  it('answers an id that is not a UUID with BAD_USER_INPUT', async () => {
    expect(await graphql('query { letter(id: "123") { id } }')).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
  });

  it('builds download links on PUBLIC_BASE_URL, whatever Host or X-Forwarded-Host the request names', async () => {
    const fileId = await uploadPdf(api, admin, 'Tautan unduhan');
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        'x-forwarded-host': 'penyerang.example',
        'x-forwarded-proto': 'https',
      },
      body: JSON.stringify({ query: 'query($id: ID!) { file(id: $id) { downloadUrl } }', variables: { id: fileId } }),
    });
    const { data } = (await res.json()) as { data: { file: { downloadUrl: string } } };
    expect(data.file.downloadUrl.startsWith(`https://gesit.example.go.id/files/${fileId}/content?`)).toBe(true);
  });
});
