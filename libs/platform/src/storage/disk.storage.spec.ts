import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DiskObjectStorage } from './disk.storage';
import { describeObjectStorageDriver } from '../testing';

describeObjectStorageDriver('disk', async () => {
  const root = await mkdtemp(join(tmpdir(), 'gesit-disk-storage-'));
  return {
    storage: new DiskObjectStorage(join(root, 'objects')),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

// A second file system to upload from (a rename across file systems fails): /dev/shm is a tmpfs on Linux.
const otherFileSystem = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : null;

describe('DiskObjectStorage', () => {
  let root: string;
  let storage: DiskObjectStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'gesit-disk-storage-'));
    storage = new DiskObjectStorage(root);
    await storage.init();
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('maps keys to paths under the root', async () => {
    await storage.put('files/2026/11/a', Buffer.from('abc'), 3);
    expect((await stat(join(root, 'files', '2026', '11', 'a'))).size).toBe(3);
  });

  it('makes a write-once object a read-only file', async () => {
    await storage.put('files/locked', Buffer.from('abc'), 3, { lockUntil: new Date(Date.now() + 60_000) });
    expect((await stat(join(root, 'files', 'locked'))).mode & 0o777).toBe(0o444);
  });

  it('leaves no temporary file behind after a failed put', async () => {
    const body = new Readable({
      read() {
        this.destroy(new Error('cut'));
      },
    });
    await expect(storage.put('files/x', body, 10)).rejects.toThrow('cut');
    await expect(storage.put('files/y', Buffer.alloc(3), 2)).rejects.toThrow();
    expect(await readdir(join(root, 'files'))).toEqual([]);
  });

  it('moves a file on the same file system into place instead of copying it', async () => {
    const upload = join(root, 'upload');
    await writeFile(upload, 'abc');
    const inode = (await stat(upload)).ino;
    await storage.putFile('files/moved', upload, 3);
    expect((await stat(join(root, 'files', 'moved'))).ino).toBe(inode);
    await expect(stat(upload)).rejects.toThrow(/ENOENT/);
  });

  (otherFileSystem ? it : it.skip)('copies a file from another file system, and leaves it there', async () => {
    const upload = await mkdtemp(join(otherFileSystem!, 'gesit-upload-'));
    try {
      await writeFile(join(upload, 'file'), 'abc');
      await storage.putFile('files/copied', join(upload, 'file'), 3);
      expect((await readFile(join(root, 'files', 'copied'))).toString()).toBe('abc');
      expect((await stat(join(upload, 'file'))).size).toBe(3);
    } finally {
      await rm(upload, { recursive: true, force: true });
    }
  });

  it('treats a key prefix (a directory) as no object', async () => {
    await storage.put('files/2026/a', Buffer.from('abc'), 3);
    expect(await storage.stat('files/2026')).toBeNull();
    await expect(storage.get('files/2026')).rejects.toThrow('object not found');
    await expect(storage.remove('files/2026')).resolves.toBeUndefined();
  });

  it('has no presigned URL: the API serves the bytes', async () => {
    await expect(storage.presignedGetUrl()).resolves.toBeNull();
  });

  it('ping fails when the root is missing', async () => {
    await expect(new DiskObjectStorage(join(root, 'missing')).ping()).rejects.toThrow(/ENOENT/);
  });
});
