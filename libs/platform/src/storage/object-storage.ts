export interface PutOptions {
  contentType?: string;
  /** write once: refuse to overwrite, and keep it under retention/legal lock where the backend supports it */
  lockUntil?: Date;
  /**
   * write once, without retention yet: for an object that a database row will reference, so that nothing
   * under retention exists before that row commits; `retain()` follows the commit.
   */
  writeOnce?: boolean;
  /** hex SHA-256 of the body, when the caller already knows it: S3 then streams the body instead of buffering it, and checks it */
  sha256?: string;
}

export interface StoredObjectInfo {
  size: number;
  contentType?: string;
  versionId?: string;
}

export interface StoredObjectSummary {
  key: string;
  lastModified: Date;
}

export interface ObjectStorage {
  readonly driver: 's3' | 'disk';
  /** Creates the bucket/directory if missing; S3: enables versioning. Idempotent. */
  init(): Promise<void>;
  /**
   * Streams `body` (size known in advance, bytes) to `key`. A body that errors, ends early or runs
   * past `size` rejects and leaves whatever was stored under `key` before untouched.
   */
  put(key: string, body: NodeJS.ReadableStream | Buffer, size: number, options?: PutOptions): Promise<{ versionId?: string }>;
  /**
   * Stores the file at `path`, of `size` bytes, as `put` does. The caller gives the file up: the driver
   * may move it into place rather than copy it, so it may be gone afterwards.
   */
  putFile(key: string, path: string, size: number, options?: PutOptions): Promise<{ versionId?: string }>;
  /** Throws ObjectNotFoundError when missing. */
  get(key: string): Promise<NodeJS.ReadableStream>;
  /** null when missing. */
  stat(key: string): Promise<StoredObjectInfo | null>;
  /** Missing is not an error. */
  remove(key: string): Promise<void>;
  /**
   * Puts an existing object under COMPLIANCE retention until `until`, where the backend has object lock;
   * elsewhere write-once is all there is. Idempotent. Throws ObjectNotFoundError when missing.
   */
  retain(key: string, until: Date): Promise<void>;
  /** Every object whose key starts with `prefix`. */
  list(prefix: string): AsyncIterable<StoredObjectSummary>;
  /** A URL that serves the bytes for `expirySeconds`; null when the driver cannot (disk: the API serves the bytes itself). */
  presignedGetUrl(key: string, expirySeconds: number, download: { filename: string; contentType: string }): Promise<string | null>;
  /** Cheap reachability check for readiness probes; throws when unreachable. */
  ping(): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** A put over a write-once key. */
export class ObjectLockedError extends Error {
  constructor(readonly key: string) {
    super(`object is write-once: ${key}`);
    this.name = 'ObjectLockedError';
  }
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

/**
 * `Content-Disposition: attachment` for `filename` (RFC 6266): an ASCII fallback plus the exact name
 * in `filename*`. The disk driver's download route needs the same header the S3 presigned URL carries.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
