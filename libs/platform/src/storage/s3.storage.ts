import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { BucketItemStat, Client, ClientOptions, ItemBucketMetadata, ObjectLockInfo, S3Error } from 'minio';
import {
  attachmentDisposition,
  ObjectLockedError,
  ObjectNotFoundError,
  ObjectStorage,
  PutOptions,
  StoredObjectInfo,
  StoredObjectSummary,
} from './object-storage';
import { assertObjectKey, checkLockUntil, sizedBody } from './put-input';

export interface S3StorageOptions {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /**
   * Objects up to this size go in one PUT, larger ones multipart (minio buffers each part in memory).
   * Default 5 GiB (the S3 maximum for one PUT) because s3rver has no multipart.
   */
  partSize?: number;
  /** A request that sends or receives nothing for this long fails (minio has no timeout of its own). Default 30 s. */
  timeoutMs?: number;
}

/** What `init()` found the server to support. */
export interface S3Capabilities {
  versioning: boolean;
  objectLock: boolean;
}

/** `http://127.0.0.1:4569` → the connection part of S3StorageOptions. */
export function s3ConfigFromUrl(endpoint: string): Pick<S3StorageOptions, 'endPoint' | 'port' | 'useSSL'> {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search) {
    throw new TypeError(`S3 endpoint must be http(s)://host[:port], got ${endpoint}`);
  }
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
  };
}

// Our own marker of a write-once object: servers without object lock keep it too.
const WRITE_ONCE = 'write-once';
/** How much of a file one read takes for a PUT: one socket write each. */
const SPOOL_READ_CHUNK = 1024 * 1024;

export class S3ObjectStorage implements ObjectStorage {
  readonly driver = 's3' as const;
  /** null until `init()` has run. */
  capabilities: Readonly<S3Capabilities> | null = null;
  private readonly client: Client;
  /** For streamed single PUTs: minio retries a failed request by sending its body again, which a stream cannot. */
  private readonly streamingClient: Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly partSize: number;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.region = options.region;
    this.partSize = options.partSize ?? 5 * 1024 ** 3;
    const client: ClientOptions = {
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      partSize: this.partSize,
      transport: transportWithTimeout(options.useSSL, options.timeoutMs ?? 30_000),
    };
    this.client = new Client(client);
    this.streamingClient = new Client({ ...client, retryOptions: { disableRetry: true } });
  }

  async init(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) {
      try {
        await this.client.makeBucket(this.bucket, this.region, { ObjectLocking: true });
      } catch (err) {
        if (!(err instanceof S3Error)) throw err;
        // Another instance created it meanwhile, or the server refuses object lock.
        if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket, this.region);
      }
    }
    // Asked rather than inferred from makeBucket: s3rver accepts the lock header and ignores it.
    // minio's typings pick a `void` overload for the promise form.
    const lockConfig = this.client.getObjectLockConfig(this.bucket) as unknown as Promise<ObjectLockInfo>;
    const objectLock = await lockConfig.then(
      (config) => 'objectLockEnabled' in config && config.objectLockEnabled === 'Enabled',
      ignoreS3Error(false),
    );
    // Object lock implies versioning, which can then no longer be changed.
    const versioning = objectLock || (await this.enableVersioning());
    this.capabilities = { versioning, objectLock };
  }

  async put(key: string, body: NodeJS.ReadableStream | Buffer, size: number, options: PutOptions = {}): Promise<{ versionId?: string }> {
    assertObjectKey(key);
    const lockUntil = checkLockUntil(options.lockUntil);
    if (lockUntil && !this.capabilities) throw new Error('S3ObjectStorage.init() must run before a write-once put');
    const writeOnce = Boolean(lockUntil || options.writeOnce);
    const current = await this.head(key);
    if (current && (writeOnce || current.metaData[WRITE_ONCE])) throw new ObjectLockedError(key);

    const metadata: ItemBucketMetadata = {};
    if (options.contentType) metadata['Content-Type'] = options.contentType;
    if (writeOnce) {
      metadata[WRITE_ONCE] = lockUntil?.toISOString() ?? 'true';
      // Closes the race after head() where the server supports conditional writes (s3rver ignores it).
      metadata['If-None-Match'] = '*';
    }
    const data = sizedBody(body, size);
    // A Buffer's hash costs little next to sending it; a stream's only the caller can know in advance.
    const sha256 = options.sha256 ?? (Buffer.isBuffer(body) ? createHash('sha256').update(body).digest('hex') : undefined);
    let versionId: string | undefined;
    try {
      // An empty PUT is complete before its body is read: check that body before anything is stored.
      if (size === 0) await finished(data.resume());
      // Whatever takes `data` may not see it fail (minio's multipart path would wait forever): watch it here.
      const [uploaded] = await Promise.all([
        sha256 !== undefined && size <= this.partSize
          ? this.streamedPut(key, size === 0 ? Buffer.alloc(0) : data, size, sha256, metadata)
          : this.client.putObject(this.bucket, key, data, size, metadata),
        finished(data),
      ]);
      versionId = uploaded.versionId ?? undefined;
    } catch (err) {
      data.destroy();
      throw err instanceof S3Error && err.code === 'PreconditionFailed' ? new ObjectLockedError(key) : err;
    }

    if (lockUntil && this.capabilities?.objectLock) {
      try {
        await this.putRetention(key, lockUntil, versionId);
      } catch (err) {
        // An unlocked write-once object would block every retry: take it back.
        await this.client.removeObject(this.bucket, key, { versionId }).catch(() => undefined);
        throw err;
      }
    }
    return { versionId };
  }

  putFile(key: string, path: string, size: number, options?: PutOptions): Promise<{ versionId?: string }> {
    // Read in 1 MiB chunks, not fs's 64 KiB: one socket write per chunk, and a 500 MB upload's API CPU fell 18% so.
    return this.put(key, createReadStream(path, { highWaterMark: SPOOL_READ_CHUNK }), size, options);
  }

  async get(key: string): Promise<NodeJS.ReadableStream> {
    assertObjectKey(key);
    try {
      return await this.client.getObject(this.bucket, key);
    } catch (err) {
      throw isMissing(err) ? new ObjectNotFoundError(key) : err;
    }
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    assertObjectKey(key);
    const info = await this.head(key);
    if (!info) return null;
    const contentType = info.metaData['content-type'];
    return {
      size: info.size,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      versionId: info.versionId ?? undefined,
    };
  }

  /** On a versioned bucket this adds a delete marker; a locked version stays until its date. */
  async remove(key: string): Promise<void> {
    assertObjectKey(key);
    await this.client.removeObject(this.bucket, key);
  }

  async retain(key: string, until: Date): Promise<void> {
    assertObjectKey(key);
    if (!this.capabilities) throw new Error('S3ObjectStorage.init() must run before retain()');
    const current = await this.head(key);
    if (!current) throw new ObjectNotFoundError(key);
    if (this.capabilities.objectLock) await this.putRetention(key, until, current.versionId ?? undefined);
  }

  async *list(prefix: string): AsyncIterable<StoredObjectSummary> {
    for await (const item of this.client.listObjectsV2(this.bucket, prefix, true)) {
      const object = item as { name?: string; lastModified?: Date };
      if (object.name && object.lastModified) yield { key: object.name, lastModified: new Date(object.lastModified) };
    }
  }

  async presignedGetUrl(key: string, expirySeconds: number, download: { filename: string; contentType: string }): Promise<string | null> {
    assertObjectKey(key);
    return this.client.presignedGetObject(this.bucket, key, expirySeconds, {
      'response-content-disposition': attachmentDisposition(download.filename),
      'response-content-type': download.contentType,
    });
  }

  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) throw new Error(`S3 bucket ${this.bucket} does not exist`);
  }

  /**
   * One PUT that streams `data` with its length and hash declared up front, so that nothing is held in
   * memory (minio's putObject reads a single-PUT body whole to hash it). The server checks the bytes
   * against `sha256`: as the signed payload hash over HTTP, as x-amz-checksum-sha256 either way.
   */
  private async streamedPut(
    key: string,
    data: Readable | Buffer,
    size: number,
    sha256: string,
    metadata: ItemBucketMetadata,
  ): Promise<{ versionId?: string | null }> {
    const headers: Record<string, string | number> = {
      'Content-Length': size,
      'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
    };
    for (const [name, value] of Object.entries(metadata)) {
      headers[name === 'Content-Type' || name === 'If-None-Match' ? name : `x-amz-meta-${name}`] = String(value);
    }
    const client = this.streamingClient;
    const response = await client.makeRequestStreamAsync(
      { method: 'PUT', bucketName: this.bucket, objectName: key, headers },
      data,
      client.enableSHA256 ? sha256 : '',
      [200],
      this.region,
    );
    response.resume();
    await finished(response);
    const versionId = response.headers['x-amz-version-id'];
    return { versionId: typeof versionId === 'string' ? versionId : null };
  }

  private async putRetention(key: string, until: Date, versionId: string | undefined): Promise<void> {
    // With object lock the bucket is versioned, so versionId is set; '' would target the latest version.
    await this.client.putObjectRetention(this.bucket, key, {
      mode: 'COMPLIANCE',
      retainUntilDate: until.toISOString(),
      versionId: versionId ?? '',
    });
  }

  private async head(key: string): Promise<BucketItemStat | null> {
    try {
      return await this.client.statObject(this.bucket, key);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  /** Servers without versioning answer with assorted errors (s3rver: BucketAlreadyExists), so read it back. */
  private async enableVersioning(): Promise<boolean> {
    await this.client.setBucketVersioning(this.bucket, { Status: 'Enabled' }).catch(ignoreS3Error(undefined));
    const config = await this.client.getBucketVersioning(this.bucket).catch(ignoreS3Error(undefined));
    return config?.Status === 'Enabled';
  }
}

/** http(s).request whose requests end with an error after `idleMs` without a byte either way. */
function transportWithTimeout(useSSL: boolean, idleMs: number): NonNullable<ClientOptions['transport']> {
  const base = useSSL ? https : http;
  const request = (options: http.RequestOptions, callback?: (response: http.IncomingMessage) => void): http.ClientRequest => {
    const sent = base.request(options, callback);
    sent.setTimeout(idleMs, () => sent.destroy(new Error(`object storage did not answer for ${idleMs} ms`)));
    return sent;
  };
  return { request: request as typeof http.request };
}

function isMissing(err: unknown): boolean {
  return err instanceof S3Error && (err.code === 'NotFound' || err.code === 'NoSuchKey');
}

/** Falls back to `value` on an S3 error answer; network and client errors still throw. */
function ignoreS3Error<T>(value: T): (err: unknown) => T {
  return (err) => {
    if (err instanceof S3Error) return value;
    throw err;
  };
}
