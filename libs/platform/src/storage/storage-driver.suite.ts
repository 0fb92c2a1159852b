import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectLockedError, ObjectNotFoundError, ObjectStorage } from './object-storage';

const MiB = 1024 * 1024;
const nextYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** `bytes` in 64 KiB chunks, as an upload arrives. */
function streamOf(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    })(),
  );
}

/** Yields `bytes`, then fails (or closes silently) instead of ending. */
function brokenStream(bytes: Buffer, failure: Error | undefined): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) this.destroy(failure);
      else {
        sent = true;
        this.push(bytes);
      }
    },
  });
}

/** Where a test server falls short of the real one. */
export interface ServerQuirks {
  /** s3rver writes a PUT in place as it arrives, so an interrupted streamed PUT leaves bytes behind; S3 and MinIO store nothing. */
  keepsInterruptedPuts?: boolean;
}

/** The behaviour every ObjectStorage driver must share. */
export function describeObjectStorageDriver(
  name: string,
  make: () => Promise<{ storage: ObjectStorage; cleanup(): Promise<void> }>,
  quirks: ServerQuirks = {},
): void {
  describe(`ObjectStorage driver: ${name}`, () => {
    let storage: ObjectStorage;
    let cleanup: (() => Promise<void>) | undefined;
    const newKey = () => `files/2026/11/${randomUUID()}`;

    beforeAll(async () => {
      ({ storage, cleanup } = await make());
      await storage.init();
    });
    afterAll(() => cleanup?.());

    async function expectAbsent(key: string): Promise<void> {
      expect(await storage.stat(key)).toBeNull();
      await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    }

    it('init twice is fine, and ping answers', async () => {
      await storage.init();
      await expect(storage.ping()).resolves.toBeUndefined();
    });

    it('round-trips a Buffer body byte for byte', async () => {
      const key = newKey();
      const bytes = randomBytes(3 * MiB + 17);
      await storage.put(key, bytes, bytes.length, { contentType: 'application/pdf' });
      const back = await readAll(await storage.get(key));
      expect(back.length).toBe(bytes.length);
      expect(sha256(back)).toBe(sha256(bytes));
      const info = await storage.stat(key);
      expect(info?.size).toBe(bytes.length);
      expect([undefined, 'application/pdf']).toContain(info?.contentType);
    });

    it('round-trips a stream body byte for byte', async () => {
      const key = newKey();
      const bytes = randomBytes(2 * MiB + 5);
      await storage.put(key, streamOf(bytes), bytes.length);
      expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(bytes));
      expect((await storage.stat(key))?.size).toBe(bytes.length);
    });

    it('round-trips a stream body given with its sha256', async () => {
      const key = newKey();
      const bytes = randomBytes(2 * MiB + 5);
      await storage.put(key, streamOf(bytes), bytes.length, { contentType: 'application/pdf', sha256: sha256(bytes) });
      expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(bytes));
      expect((await storage.stat(key))?.size).toBe(bytes.length);
    });

    it('stores a file given by its path, and refuses one whose size is not the declared', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gesit-putfile-'));
      try {
        const key = newKey();
        const bytes = randomBytes(MiB + 3);
        await writeFile(join(dir, 'upload'), bytes);
        await storage.putFile(key, join(dir, 'upload'), bytes.length, { contentType: 'application/pdf', sha256: sha256(bytes) });
        expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(bytes));
        expect((await storage.stat(key))?.size).toBe(bytes.length);

        const wrong = newKey();
        await writeFile(join(dir, 'short'), bytes.subarray(1));
        await expect(storage.putFile(wrong, join(dir, 'short'), bytes.length)).rejects.toThrow();
        await expectAbsent(wrong);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('refuses a file over a write-once key', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gesit-putfile-'));
      try {
        const key = newKey();
        await storage.put(key, Buffer.from('signed letter'), 13, { lockUntil: nextYear() });
        await writeFile(join(dir, 'forged'), 'forged');
        await expect(storage.putFile(key, join(dir, 'forged'), 6)).rejects.toBeInstanceOf(ObjectLockedError);
        expect((await readAll(await storage.get(key))).toString()).toBe('signed letter');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('stores an empty object', async () => {
      const key = newKey();
      await storage.put(key, Buffer.alloc(0), 0);
      expect((await storage.stat(key))?.size).toBe(0);
      expect((await readAll(await storage.get(key))).length).toBe(0);
    });

    it('replaces an object on a plain put', async () => {
      const key = newKey();
      await storage.put(key, Buffer.from('first'), 5);
      await storage.put(key, Buffer.from('second'), 6);
      expect((await readAll(await storage.get(key))).toString()).toBe('second');
    });

    it('reports a missing key: stat null, get ObjectNotFoundError', async () => {
      await expectAbsent(newKey());
    });

    it('removes an object, and removing a missing one is fine', async () => {
      const key = newKey();
      await storage.put(key, Buffer.from('x'), 1);
      await storage.remove(key);
      await expectAbsent(key);
      await expect(storage.remove(key)).resolves.toBeUndefined();
      await expect(storage.remove(newKey())).resolves.toBeUndefined();
    });

    it('refuses any put over a write-once key and keeps its bytes', async () => {
      const key = newKey();
      await storage.put(key, Buffer.from('signed letter'), 13, {
        contentType: 'application/pdf',
        lockUntil: nextYear(),
      });
      await expect(storage.put(key, Buffer.from('forged'), 6)).rejects.toBeInstanceOf(ObjectLockedError);
      await expect(storage.put(key, Buffer.from('forged'), 6, { lockUntil: nextYear() })).rejects.toBeInstanceOf(ObjectLockedError);
      expect((await readAll(await storage.get(key))).toString()).toBe('signed letter');
    });

    it('refuses a write-once put over an existing key', async () => {
      const key = newKey();
      await storage.put(key, Buffer.from('draft'), 5);
      await expect(storage.put(key, Buffer.from('final'), 5, { lockUntil: nextYear() })).rejects.toBeInstanceOf(ObjectLockedError);
      expect((await readAll(await storage.get(key))).toString()).toBe('draft');
    });

    it('writes once without retention, retains later, and can remove it before', async () => {
      const kept = newKey();
      const dropped = newKey();
      for (const key of [kept, dropped]) await storage.put(key, Buffer.from('signed letter'), 13, { writeOnce: true });
      await expect(storage.put(kept, Buffer.from('forged'), 6)).rejects.toBeInstanceOf(ObjectLockedError);
      await storage.retain(kept, nextYear());
      await storage.retain(kept, nextYear());
      expect((await readAll(await storage.get(kept))).toString()).toBe('signed letter');
      // Not yet under retention: the storage sweep may still take it back.
      await storage.remove(dropped);
      await expectAbsent(dropped);
      await expect(storage.retain(dropped, nextYear())).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('lists the objects under a prefix with their age', async () => {
      const prefix = `files/list-${randomUUID()}/`;
      const keys = [`${prefix}a`, `${prefix}b/c`, `${prefix}b/d`];
      const before = Date.now() - 60_000;
      for (const key of keys) await storage.put(key, Buffer.from('x'), 1);
      await storage.put(`files/other-${randomUUID()}`, Buffer.from('x'), 1);
      const listed: { key: string; lastModified: Date }[] = [];
      for await (const object of storage.list(prefix)) listed.push(object);
      expect(listed.map((o) => o.key).sort()).toEqual(keys);
      for (const object of listed) expect(object.lastModified.getTime()).toBeGreaterThan(before);
    });

    it('rejects a lockUntil in the past', async () => {
      const key = newKey();
      await expect(storage.put(key, Buffer.from('x'), 1, { lockUntil: new Date(Date.now() - 1000) })).rejects.toThrow(RangeError);
      await expectAbsent(key);
    });

    // With its hash the S3 driver streams the body in one PUT; without, minio buffers it first.
    describe.each([
      ['without its sha256', undefined],
      ['with a sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ])('a body %s', (_given, hash) => {
      const expectNothingStored = (key: string) => (hash && quirks.keepsInterruptedPuts ? Promise.resolve() : expectAbsent(key));

      it('leaves no object when the body stream errors midway', async () => {
        const key = newKey();
        const failure = new Error('client went away');
        await expect(storage.put(key, brokenStream(randomBytes(MiB), failure), 4 * MiB, { sha256: hash })).rejects.toBe(failure);
        await expectNothingStored(key);
      });

      it('leaves no object when the body stream closes without an error', async () => {
        const key = newKey();
        await expect(storage.put(key, brokenStream(randomBytes(MiB), undefined), 4 * MiB, { sha256: hash })).rejects.toThrow(
          /premature close/i,
        );
        await expectNothingStored(key);
      });

      it('leaves no object when the body is shorter or longer than its size', async () => {
        const short = newKey();
        await expect(storage.put(short, streamOf(randomBytes(1000)), 1001, { sha256: hash })).rejects.toThrow(/ended after 1000 of 1001/);
        await expectNothingStored(short);
        const long = newKey();
        await expect(storage.put(long, Buffer.alloc(10), 9, { sha256: hash })).rejects.toThrow(/longer than the declared 9/);
        await expectNothingStored(long);
        const notEmpty = newKey();
        await expect(storage.put(notEmpty, streamOf(Buffer.alloc(1)), 0, { sha256: hash })).rejects.toThrow(/longer than the declared 0/);
        await expectNothingStored(notEmpty);
      });
    });

    it('keeps the previous bytes when a replacing put fails', async () => {
      const key = newKey();
      const bytes = randomBytes(MiB);
      await storage.put(key, bytes, bytes.length);
      await expect(storage.put(key, brokenStream(randomBytes(MiB), new Error('cut')), 2 * MiB)).rejects.toThrow('cut');
      expect(sha256(await readAll(await storage.get(key)))).toBe(sha256(bytes));
    });

    it('serves the bytes at the presigned URL, with the download headers, when it has one', async () => {
      const key = newKey();
      const bytes = randomBytes(MiB);
      await storage.put(key, bytes, bytes.length, { contentType: 'application/octet-stream' });
      const url = await storage.presignedGetUrl(key, 60, {
        filename: 'Nota Dinas – rapat "Q4" 100%.pdf',
        contentType: 'application/pdf',
      });
      if (url === null) {
        expect(storage.driver).toBe('disk');
        return;
      }
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Nota Dinas _ rapat _Q4_ 100%.pdf"; filename*=UTF-8''Nota%20Dinas%20%E2%80%93%20rapat%20%22Q4%22%20100%25.pdf`,
      );
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
    });

    it.each(['../x', 'files/../x', '/files/x', 'files\\x', 'files//x', 'files/x/', './x', 'files/.x', ''])(
      'rejects the key %j',
      async (key) => {
        await expect(storage.put(key, Buffer.from('x'), 1)).rejects.toThrow(TypeError);
        await expect(storage.get(key)).rejects.toThrow(TypeError);
        await expect(storage.stat(key)).rejects.toThrow(TypeError);
        await expect(storage.remove(key)).rejects.toThrow(TypeError);
      },
    );
  });
}
