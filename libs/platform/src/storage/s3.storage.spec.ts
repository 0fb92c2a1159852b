import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Client, S3Error } from 'minio';
import { startS3Server, S3TestServer } from '../../../../test/harness/s3-server';
import { ObjectLockedError } from './object-storage';
import { S3ObjectStorage, s3ConfigFromUrl } from './s3.storage';
import { describeObjectStorageDriver } from '../testing';

let server: S3TestServer;
beforeAll(async () => {
  server = await startS3Server();
});
afterAll(() => server.close());

const storageFor = (bucket: string) =>
  new S3ObjectStorage({
    ...s3ConfigFromUrl(server.endpoint),
    accessKey: server.accessKey,
    secretKey: server.secretKey,
    bucket,
    region: 'us-east-1',
  });

describeObjectStorageDriver('s3 (s3rver)', async () => ({ storage: storageFor('gesit-suite'), cleanup: async () => {} }), {
  keepsInterruptedPuts: true,
});

describe('S3ObjectStorage on s3rver', () => {
  it('finds neither versioning nor object lock, and still creates the bucket', async () => {
    const storage = storageFor('gesit-caps');
    await expect(storage.ping()).rejects.toThrow('does not exist');
    await storage.init();
    expect(storage.capabilities).toEqual({ versioning: false, objectLock: false });
    await storage.ping();
  });

  it('stores the content type', async () => {
    const storage = storageFor('gesit-types');
    await storage.init();
    await storage.put('files/a', Buffer.from('%PDF'), 4, { contentType: 'application/pdf' });
    expect(await storage.stat('files/a')).toEqual({ size: 4, contentType: 'application/pdf', versionId: undefined });
  });

  it('needs init() before a write-once put', async () => {
    await expect(
      storageFor('gesit-suite').put('files/a', Buffer.from('x'), 1, { lockUntil: new Date(Date.now() + 60_000) }),
    ).rejects.toThrow('init()');
  });

  it('ping fails when the server is unreachable', async () => {
    const storage = new S3ObjectStorage({
      ...s3ConfigFromUrl('http://127.0.0.1:1'),
      accessKey: 'a',
      secretKey: 'b',
      bucket: 'gesit',
      region: 'us-east-1',
    });
    await expect(storage.ping()).rejects.toThrow();
  });

  it('gives up on a server that accepts a request and never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const storage = new S3ObjectStorage({
        ...s3ConfigFromUrl(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`),
        accessKey: 'a',
        secretKey: 'b',
        bucket: 'gesit',
        region: 'us-east-1',
        timeoutMs: 300,
      });
      await expect(storage.stat('files/a')).rejects.toThrow('did not answer for 300 ms');
      await expect(storage.put('files/a', Buffer.from('x'), 1)).rejects.toThrow('did not answer for 300 ms');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

function s3Error(code: string): S3Error {
  const error = new S3Error(code);
  error.code = code;
  return error;
}

// s3rver has no object lock and never refuses one: these stub the minio calls a real server answers.
describe('S3ObjectStorage where the server behaves unlike s3rver', () => {
  const inAMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  afterEach(() => jest.restoreAllMocks());

  function serverWithObjectLock() {
    jest
      .spyOn(Client.prototype, 'getObjectLockConfig')
      .mockImplementation((() => Promise.resolve({ objectLockEnabled: 'Enabled' })) as unknown as Client['getObjectLockConfig']);
    const send = Client.prototype.makeRequestStreamAsync;
    jest.spyOn(Client.prototype, 'makeRequestStreamAsync').mockImplementation(async function (this: Client, options, ...rest) {
      const response = await send.call(this, options, ...rest);
      if (options.method === 'PUT' && options.objectName && !options.query) response.headers['x-amz-version-id'] = 'v1';
      return response;
    });
    return {
      setVersioning: jest.spyOn(Client.prototype, 'setBucketVersioning'),
      retention: jest.spyOn(Client.prototype, 'putObjectRetention').mockResolvedValue(undefined),
      remove: jest.spyOn(Client.prototype, 'removeObject'),
    };
  }

  it('falls back to a plain bucket when object-lock creation is refused', async () => {
    const makeBucket = jest.spyOn(Client.prototype, 'makeBucket');
    makeBucket.mockRejectedValueOnce(s3Error('InvalidRequest'));
    const storage = storageFor('gesit-no-lock');
    await storage.init();
    expect(makeBucket.mock.calls.map((call) => call[2])).toEqual([{ ObjectLocking: true }, undefined]);
    await storage.ping();
  });

  it('sets COMPLIANCE retention on the new version of a write-once object', async () => {
    const calls = serverWithObjectLock();
    const storage = storageFor('gesit-locked');
    await storage.init();
    expect(storage.capabilities).toEqual({ versioning: true, objectLock: true });
    expect(calls.setVersioning).not.toHaveBeenCalled();

    await expect(storage.put('files/a', Buffer.from('x'), 1, { lockUntil: inAMonth })).resolves.toEqual({
      versionId: 'v1',
    });
    expect(calls.retention).toHaveBeenCalledWith('gesit-locked', 'files/a', {
      mode: 'COMPLIANCE',
      retainUntilDate: inAMonth.toISOString(),
      versionId: 'v1',
    });
  });

  it('writes once without retention, and retains it later on request', async () => {
    const calls = serverWithObjectLock();
    const storage = storageFor('gesit-locked');
    await storage.init();
    await storage.put('files/later', Buffer.from('x'), 1, { writeOnce: true });
    expect(calls.retention).not.toHaveBeenCalled();
    await expect(storage.put('files/later', Buffer.from('y'), 1)).rejects.toBeInstanceOf(ObjectLockedError);
    await storage.retain('files/later', inAMonth);
    expect(calls.retention).toHaveBeenCalledWith('gesit-locked', 'files/later', {
      mode: 'COMPLIANCE',
      retainUntilDate: inAMonth.toISOString(),
      versionId: '',
    });
  });

  it('takes back a write-once object whose retention failed', async () => {
    const calls = serverWithObjectLock();
    calls.retention.mockRejectedValue(s3Error('AccessDenied'));
    const storage = storageFor('gesit-locked');
    await storage.init();
    await expect(storage.put('files/b', Buffer.from('x'), 1, { lockUntil: inAMonth })).rejects.toThrow('AccessDenied');
    expect(calls.remove).toHaveBeenCalledWith('gesit-locked', 'files/b', { versionId: 'v1' });
    expect(await storage.stat('files/b')).toBeNull();
  });

  it('rejects, rather than hangs, when the body fails on minio multipart path', async () => {
    // minio pipes the body without watching its errors there; s3rver has no multipart, so stub the parts.
    jest.spyOn(Client.prototype, 'findUploadId').mockResolvedValue(undefined);
    jest.spyOn(Client.prototype, 'initiateNewMultipartUpload').mockResolvedValue('upload-1');
    const request = Client.prototype.makeRequestAsyncOmit;
    jest.spyOn(Client.prototype, 'makeRequestAsyncOmit').mockImplementation(function (this: Client, options, ...rest) {
      if (options.query?.includes('uploadId')) return Promise.resolve({ headers: { etag: '"part"' } } as never);
      return request.call(this, options, ...rest);
    });
    const storage = new S3ObjectStorage({
      ...s3ConfigFromUrl(server.endpoint),
      accessKey: server.accessKey,
      secretKey: server.secretKey,
      bucket: 'gesit-suite',
      region: 'us-east-1',
      partSize: 5 * 1024 * 1024,
    });
    let sent = false;
    const body = new Readable({
      read() {
        if (sent) this.destroy(new Error('cut'));
        else {
          sent = true;
          this.push(Buffer.alloc(6 * 1024 * 1024));
        }
      },
    });
    await expect(storage.put('files/d', body, 20 * 1024 * 1024)).rejects.toThrow('cut');
  });

  it('streams a body of known hash in one PUT that declares the hash, without minio buffering it', async () => {
    const putObject = jest.spyOn(Client.prototype, 'putObject');
    const send = jest.spyOn(Client.prototype, 'makeRequestStreamAsync');
    const storage = storageFor('gesit-suite');
    await storage.init();
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await storage.put('files/e', Readable.from([bytes]), bytes.length, { contentType: 'application/pdf', sha256 });
    expect(putObject).not.toHaveBeenCalled();
    const [options, body, payloadHash] = send.mock.calls.find(([call]) => call.method === 'PUT' && call.objectName === 'files/e')!;
    expect(Buffer.isBuffer(body)).toBe(false);
    expect(payloadHash).toBe(sha256);
    expect(options.headers).toEqual({
      'Content-Length': bytes.length,
      'Content-Type': 'application/pdf',
      'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
    });
  });

  it('maps a failed conditional write (If-None-Match) to ObjectLockedError', async () => {
    const send = Client.prototype.makeRequestStreamAsync;
    jest.spyOn(Client.prototype, 'makeRequestStreamAsync').mockImplementation(function (this: Client, options, ...rest) {
      if (options.method === 'PUT' && options.headers?.['If-None-Match'] === '*') return Promise.reject(s3Error('PreconditionFailed'));
      return send.call(this, options, ...rest);
    });
    const storage = storageFor('gesit-suite');
    await storage.init();
    await expect(storage.put('files/c', Buffer.from('x'), 1, { lockUntil: inAMonth })).rejects.toBeInstanceOf(ObjectLockedError);
  });
});

describe('s3ConfigFromUrl', () => {
  it.each([
    ['http://127.0.0.1:4569', { endPoint: '127.0.0.1', port: 4569, useSSL: false }],
    ['https://s3.example.go.id', { endPoint: 's3.example.go.id', port: 443, useSSL: true }],
    ['http://minio:9000/', { endPoint: 'minio', port: 9000, useSSL: false }],
    ['http://[::1]:9000', { endPoint: '::1', port: 9000, useSSL: false }],
  ])('parses %s', (url, expected) => {
    expect(s3ConfigFromUrl(url)).toEqual(expected);
  });

  it.each(['ftp://host', 'http://host:9000/bucket', 'not a url'])('rejects %s', (url) => {
    expect(() => s3ConfigFromUrl(url)).toThrow(TypeError);
  });
});
