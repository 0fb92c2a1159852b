import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppConfig, OBJECT_STORAGE, ObjectStorage } from '@gesit/platform';
import { errorCode, StorageKind, startTestApi, TestApi } from '../harness/app';
import { makePdf, upload } from '../harness/files';
import { adminToken } from '../harness/identity';
import { createPerson, createUnit, Person } from '../harness/org';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each<StorageKind>(['disk', 's3'])('files on %s storage', (storage) => {
  let api: TestApi;
  let owner: Person;
  let stranger: Person;

  beforeAll(async () => {
    api = await startTestApi({ storage, env: { UPLOAD_MAX_MB: '1' } });
    const admin = await adminToken(api);
    owner = await createPerson(api, admin, {
      name: 'Pengunggah',
      roles: ['STAFF'],
      unitId: await createUnit(api, admin, { name: 'Unit Satu' }),
    });
    stranger = await createPerson(api, admin, {
      name: 'Orang Lain',
      roles: ['STAFF'],
      unitId: await createUnit(api, admin, { name: 'Unit Dua' }),
    });
  });

  afterAll(() => api.close());

  const countRows = async () => (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM stored_file'))[0].n as number;

  it('stores a PDF and serves the same bytes through its short-lived downloadUrl', async () => {
    const pdf = await makePdf('Nota dinas', 3);
    const res = await upload(api, owner.token, pdf, '../../Nota Dinas.exe', 'application/x-msdownload');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ filename: 'Nota Dinas.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) });
    const { file } = await api.gqlOk<any>(
      'query($id: ID!) { file(id: $id) { id filename size sha256 downloadUrl createdAt } }',
      { id: res.body.id },
      owner.token,
    );
    expect(file).toMatchObject({ id: res.body.id, size: pdf.length, sha256: sha256(pdf) });
    const download = await fetch(file.downloadUrl);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(pdf));
    expect(download.headers.get('content-disposition')).toContain('Nota%20Dinas.pdf');
  });

  it('refuses an executable disguised as a PDF with 415 and keeps nothing', async () => {
    const before = await countRows();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(20_000)]);
    const res = await upload(api, owner.token, exe, 'surat.pdf', 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.body.error?.message).toContain('PDF, PNG, JPEG, TIFF, ZIP dan CSV');
    expect(await countRows()).toBe(before);
  });

  it('refuses a file over the limit with 413 and keeps nothing', async () => {
    const before = await countRows();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024 * 1024 + 10)]);
    const res = await upload(api, owner.token, big, 'besar.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toContain('1 MB');
    expect(await countRows()).toBe(before);
  });

  it('refuses an upload without a valid access token with 401', async () => {
    const res = await upload(api, null, await makePdf(), 'a.pdf');
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('leaves no row, object or spooled file behind when the client aborts mid-upload', async () => {
    const before = await countRows();
    const spool = api.app.get(AppConfig).uploadSpoolDir;
    const boundary = 'gesitboundary';
    const url = new URL(`${api.url}/files`);
    await new Promise<void>((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/files',
          method: 'POST',
          headers: { authorization: `Bearer ${owner.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        },
        () => resolve(),
      );
      req.on('error', () => resolve());
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="putus.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
      );
      req.write(randomBytes(200_000));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    // The API notices the aborted request on its own time: wait until it has cleaned up, 10 s at most.
    for (let waited = 0; waited < 10_000 && readdirSync(spool).length > 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(spool)).toEqual([]);
    expect(await countRows()).toBe(before);
    const storageRoot = api.app.get<ObjectStorage>(OBJECT_STORAGE);
    expect(storageRoot.driver).toBe(storage);
  });

  it("does not show one unit's file to a user of another unit: NOT_FOUND, not its contents", async () => {
    const res = await upload(api, owner.token, await makePdf('Rahasia unit'), 'rahasia.pdf');
    const other = await api.gql('query($id: ID!) { file(id: $id) { id filename downloadUrl } }', { id: res.body.id }, stranger.token);
    expect(errorCode(other)).toBe('NOT_FOUND');
    expect(JSON.stringify(other)).not.toContain('rahasia');
    expect(errorCode(await api.gql('query { file(id: "not-a-uuid") { id } }', {}, owner.token))).toBe('NOT_FOUND');
  });

  it('refuses a download link that was tampered with', async () => {
    if (storage === 's3') return; // S3 checks its own presigned signatures.
    const res = await upload(api, owner.token, await makePdf(), 'a.pdf');
    const { file } = await api.gqlOk<any>('query($id: ID!) { file(id: $id) { downloadUrl } }', { id: res.body.id }, owner.token);
    const forged = file.downloadUrl.replace(/expires=(\d+)/, (_: string, e: string) => `expires=${Number(e) + 3600}`);
    expect((await fetch(forged)).status).toBe(404);
  });
});
