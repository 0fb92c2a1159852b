import { Role } from '@gesit/identity';
import { startTestApi, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { createSignedInTestUser } from '../harness/identity';

// Its own file: the request log is captured from this API's root logger (see logging.e2e-spec.ts).
describe('signed download links in the request log', () => {
  const output: string[] = [];
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { LOG_LEVEL: 'info' }, logDestination: { write: (line: string) => void output.push(line) } });
  });

  afterAll(() => api.close());

  it('are logged without their signature, and the link still works', async () => {
    const { token: accessToken } = await createSignedInTestUser(api, { name: 'Rina Marlina', roles: [Role.STAFF] });
    const fileId = await uploadPdf(api, accessToken, 'Tautan bertanda tangan');
    const { file } = await api.gqlOk('query($id: ID!) { file(id: $id) { downloadUrl } }', { id: fileId }, accessToken);
    const signature = new URL(file.downloadUrl).searchParams.get('sig') as string;
    const download = await fetch(file.downloadUrl, { headers: { 'x-request-id': 'signed-url-0001' } });
    expect(download.status).toBe(200);

    const deadline = Date.now() + 5_000;
    let line: { request: { url: string } } | undefined;
    while (!line && Date.now() < deadline) {
      line = output.map((l) => JSON.parse(l)).find((l) => l.reqId === 'signed-url-0001' && l.request);
      if (!line) await new Promise((r) => setTimeout(r, 25));
    }
    expect(line?.request.url).toMatch(new RegExp(`^/files/${fileId}/content\\?expires=\\d+&sig=\\[Redacted\\]$`));
    expect(output.join('\n')).not.toContain(signature);
  });
});
