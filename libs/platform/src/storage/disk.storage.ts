import { randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, chmod, link, lstat, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectLockedError, ObjectNotFoundError, ObjectStorage, PutOptions, StoredObjectInfo } from './object-storage';
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
    const target = this.pathOf(key);
    const lockUntil = checkLockUntil(options.lockUntil);
    const directory = dirname(target);
    await mkdir(directory, { recursive: true });
    const current = await lstat(target).catch(nullWhenMissing);
    if (current && (lockUntil || (current.mode & 0o222) === 0)) throw new ObjectLockedError(key);

    // Same directory, so the rename is atomic: readers see the old bytes or the new, never a part.
    const temp = join(directory, `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      await pipeline(sizedBody(body, size), createWriteStream(temp, { flags: 'wx', flush: true }));
      if (lockUntil) {
        await chmod(temp, 0o444);
        // link() refuses an existing target, unlike rename(): a racing write-once put loses.
        await link(temp, target).catch((err: unknown) => {
          throw errorCode(err) === 'EEXIST' ? new ObjectLockedError(key) : err;
        });
      } else {
        await rename(temp, target);
      }
    } finally {
      await rm(temp, { force: true });
    }
    await syncDirectory(directory);
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

  async presignedGetUrl(): Promise<string | null> {
    return null;
  }

  async ping(): Promise<void> {
    await access(this.root, constants.W_OK);
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
