import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import type { Message } from '@gesit/platform';

/** Limits that keep a ZIP from exhausting the worker (zip bombs, path traversal, huge archives). */
export const BUNDLE_LIMITS = { maxEntries: 10_000, maxUnpackedBytes: 2 * 1024 ** 3, maxRatio: 100 };

/** The ZIP as a whole is refused. */
export class BundleRefused extends Error {
  constructor(readonly text: Message) {
    super(text.id);
  }
}

/** One entry is over the upload limit: its row fails, the rest of the ZIP goes on. */
export class EntryTooLarge extends RangeError {
  constructor(readonly text: Message) {
    super(text.id);
  }
}

export interface EntryFacts {
  name: string;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
}

/** Why one entry must not be read, in words a clerk can act on; null when it may. */
export function entryProblem(entry: EntryFacts): Message | null {
  const pathProblem = yauzl.validateFileName(entry.name);
  if (pathProblem?.startsWith('absolute path'))
    return {
      id: `Entri ${entry.name} memakai path absolut; ZIP harus berisi path relatif.`,
      en: `Entry ${entry.name} has an absolute path; a ZIP must hold relative paths.`,
    };
  if (pathProblem)
    return {
      id: `Entri ${entry.name} menunjuk ke luar folder ZIP (".." atau "\\"); ditolak.`,
      en: `Entry ${entry.name} points outside the ZIP's folder (".." or "\\"); refused.`,
    };
  if (entry.encrypted)
    return {
      id: `Entri ${entry.name} terenkripsi; kemas ulang ZIP tanpa kata sandi.`,
      en: `Entry ${entry.name} is encrypted; pack the ZIP again without a password.`,
    };
  const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
  if (ratio > BUNDLE_LIMITS.maxRatio)
    return {
      id: `Entri ${entry.name} mengembang lebih dari ${BUNDLE_LIMITS.maxRatio} kali saat dibuka (bom ZIP); ditolak.`,
      en: `Entry ${entry.name} grows more than ${BUNDLE_LIMITS.maxRatio} times when unpacked (a ZIP bomb); refused.`,
    };
  return null;
}

export interface BundleEntry extends EntryFacts {
  problem: Message | null;
  entry: yauzl.Entry;
}

/**
 * A ZIP read from its central directory, entry by entry: nothing is unpacked until a row asks for its file,
 * and then only that entry, as a stream whose size yauzl holds to what the directory declared.
 */
export class ZipBundle {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, BundleEntry>,
  ) {}

  static async open(path: string): Promise<ZipBundle> {
    let zip: yauzl.ZipFile;
    try {
      // decodeStrings off: yauzl would stop at the first bad name; we refuse such entries one by one instead.
      zip = await yauzl.openPromise(path, { decodeStrings: false, autoClose: false, validateEntrySizes: true });
    } catch (error) {
      throw new BundleRefused({
        id: `Berkas ZIP tidak dapat dibaca: ${(error as Error).message}`,
        en: `The ZIP file cannot be read: ${(error as Error).message}`,
      });
    }
    if (zip.entryCount > BUNDLE_LIMITS.maxEntries) {
      zip.close();
      throw new BundleRefused({
        id: `ZIP berisi ${zip.entryCount} entri; paling banyak ${BUNDLE_LIMITS.maxEntries.toLocaleString('id-ID')}.`,
        en: `The ZIP holds ${zip.entryCount} entries; at most ${BUNDLE_LIMITS.maxEntries.toLocaleString('en-GB')}.`,
      });
    }
    const entries = new Map<string, BundleEntry>();
    let unpacked = 0;
    try {
      for await (const entry of readEntries(zip)) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        if (name.endsWith('/')) continue;
        unpacked += entry.uncompressedSize;
        if (unpacked > BUNDLE_LIMITS.maxUnpackedBytes)
          throw new BundleRefused({
            id: `Isi ZIP lebih dari ${BUNDLE_LIMITS.maxUnpackedBytes / 1024 ** 3} GB setelah dibuka; bagi menjadi beberapa ZIP.`,
            en: `The ZIP unpacks to more than ${BUNDLE_LIMITS.maxUnpackedBytes / 1024 ** 3} GB; split it into several ZIPs.`,
          });
        const facts: EntryFacts = {
          name,
          encrypted: (entry.generalPurposeBitFlag & 1) !== 0,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
        };
        entries.set(name.replace(/^\.\//, ''), { ...facts, problem: entryProblem(facts), entry });
      }
    } catch (error) {
      zip.close();
      if (error instanceof BundleRefused) throw error;
      throw new BundleRefused({
        id: `Berkas ZIP rusak: ${(error as Error).message}`,
        en: `The ZIP file is damaged: ${(error as Error).message}`,
      });
    }
    return new ZipBundle(zip, entries);
  }

  /** The bytes of one entry (a scan of a few megabytes), read through a stream held to its declared size. */
  async read(entry: BundleEntry, maxBytes: number): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes)
      throw new EntryTooLarge({
        id: `${entry.name} lebih besar dari batas ${Math.round(maxBytes / 1024 / 1024)} MB`,
        en: `${entry.name} is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB`,
      });
    const stream: Readable = await this.zip.openReadStreamPromise(entry.entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}

async function* readEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const onEntry = (entry: yauzl.Entry) => done(() => resolve(entry));
      const onEnd = () => done(() => resolve(null));
      const onError = (error: Error) => done(() => reject(error));
      const done = (settle: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        settle();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}
