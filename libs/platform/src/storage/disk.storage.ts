import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, chmod, link, lstat, mkdir, open, opendir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectLockedError, ObjectNotFoundError, ObjectStorage, PutOptions, StoredObjectInfo, StoredObjectSummary } from './object-storage';
import { assertObjectKey, checkLockUntil, sizedBody } from './put-input';

/** Files under one directory; a write-once object is a read-only file. */
export class DiskObjectStorage implements ObjectStorage {
  readonly driver = 'disk' as const;
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  async init(): Promise<void> {
    await mkdir(this.root, { recursive: true });
  }

  async put(key: string, body: NodeJS.ReadableStream | Buffer, size: number, options: PutOptions = {}): Promise<{ versionId?: string }> {
    const { target, writeOnce } = await this.prepare(key, options);
    // Same directory, so the rename is atomic: readers see the old bytes or the new, never a part.
    const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      await pipeline(sizedBody(body, size), createWriteStream(temp, { flags: 'wx', flush: true }));
      await this.commit(key, temp, target, writeOnce);
    } finally {
      await rm(temp, { force: true });
    }
    return {};
  }

  /** Moves the file into place when it is on the same file system: its bytes are written once, not twice. */
  async putFile(key: string, path: string, size: number, options: PutOptions = {}): Promise<{ versionId?: string }> {
    const { target, writeOnce } = await this.prepare(key, options);
    const handle = await open(path, 'r+');
    try {
      const actual = (await handle.stat()).size;
      if (actual !== size) throw new Error(`${path} has ${actual} bytes, not the declared ${size}`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.commit(key, path, target, writeOnce);
    } catch (err) {
      if (errorCode(err) !== 'EXDEV') throw err;
      return this.put(key, createReadStream(path), size, options);
    }
    return {};
  }
  async get(key: string): Promise<NodeJS.ReadableStream> {
    const handle = await open(this.pathOf(key), 'r').catch(nullWhenMissing);
    if (handle && (await handle.stat()).isFile()) return handle.createReadStream();
    await handle?.close();
    throw new ObjectNotFoundError(key);
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    const info = await stat(this.pathOf(key)).catch(nullWhenMissing);
    return info?.isFile() ? { size: info.size } : null;
  }

  async remove(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch(nullWhenMissing);
  }

  /** A disk has no retention: the read-only file of a write-once put is all the lock there is. */
  async retain(key: string): Promise<void> {
    if (!(await this.stat(key))) throw new ObjectNotFoundError(key);
  }

  async *list(prefix: string): AsyncIterable<StoredObjectSummary> {
    yield* this.walk(this.root, '', prefix);
  }

  async presignedGetUrl(): Promise<string | null> {
    return null;
  }

  async ping(): Promise<void> {
    await access(this.root, constants.W_OK);
  }

  private async *walk(directory: string, keyPrefix: string, prefix: string): AsyncIterable<StoredObjectSummary> {
    const entries = await opendir(directory).catch(nullWhenMissing);
    if (!entries) return;
    for await (const entry of entries) {
      // Hidden names are temporary files and the upload spool, never objects (see assertObjectKey).
      if (entry.name.startsWith('.')) continue;
      const key = `${keyPrefix}${entry.name}`;
      if (!(prefix.startsWith(key) || key.startsWith(prefix))) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) yield* this.walk(path, `${key}/`, prefix);
      else if (entry.isFile() && key.startsWith(prefix)) {
        const info = await stat(path).catch(nullWhenMissing);
        if (info) yield { key, lastModified: info.mtime };
      }
    }
  }

  private async prepare(key: string, options: PutOptions): Promise<{ target: string; writeOnce: boolean }> {
    const target = this.pathOf(key);
    const writeOnce = Boolean(checkLockUntil(options.lockUntil) || options.writeOnce);
    await mkdir(dirname(target), { recursive: true });
    const current = await lstat(target).catch(nullWhenMissing);
    if (current && (writeOnce || (current.mode & 0o222) === 0)) throw new ObjectLockedError(key);
    return { target, writeOnce };
  }

  /** Puts the complete, synced file `source` in place of `target` in one step, and makes that step durable. */
  private async commit(key: string, source: string, target: string, writeOnce: boolean): Promise<void> {
    if (writeOnce) {
      await chmod(source, 0o444);
      // link() refuses an existing target, unlike rename(): a racing write-once put loses.
      await link(source, target).catch((err: unknown) => {
        throw errorCode(err) === 'EEXIST' ? new ObjectLockedError(key) : err;
      });
      await rm(source, { force: true });
    } else {
      await rename(source, target);
    }
    await syncDirectory(dirname(target));
  }

  private pathOf(key: string): string {
    assertObjectKey(key);
    return join(this.root, ...key.split('/'));
  }
}

// Not `instanceof Error`: under Jest, Node's own errors come from another realm.
function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as NodeJS.ErrnoException).code : undefined;
}

// ENOTDIR: a key segment names a file; EISDIR: the key names a directory (a prefix, not an object).
function nullWhenMissing(err: unknown): null {
  const code = errorCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
  throw err;
}

/** Makes the new directory entry survive a crash, not only the file's bytes. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
