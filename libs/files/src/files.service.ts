import { Inject, Injectable, PayloadTooLargeException, RequestTimeoutException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AppConfig,
  AppError,
  AuditService,
  badInput,
  findOrNotFound,
  inTransaction,
  isUuid,
  notFound,
  OBJECT_STORAGE,
  ObjectNotFoundError,
  ObjectStorage,
  OutboxService,
  Principal,
} from '@gesit/platform';
import { AcceptedType, safeFilename, SNIFF_BYTES, sniffContentType } from './content-sniffing';
import { signDownload, verifyDownload } from './download-token';
import { FileAccessRegistry } from './file-access.registry';
import { FILES_QUEUE, RETAIN_JOB } from './storage-sweep.service';
import { StoredFileEntity } from './stored-file.entity';

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

class UnsupportedContent extends Error {}

class UploadStalled extends Error {}

/** The multipart body broke off or is malformed: the client's mistake, not ours. */
export const malformedUpload = (): AppError =>
  badInput({
    id: 'Isi unggahan rusak atau terputus: kirim berkas sebagai multipart/form-data dengan satu kolom bernama "file".',
    en: 'The upload is damaged or was cut off: send the file as multipart/form-data with one field named "file".',
  });

/** Errors of the multipart parser (busboy) carry no system call; those of the spool file do. */
const isParserError = (error: unknown): boolean =>
  error instanceof Error &&
  !(error instanceof UnsupportedContent) &&
  !(error instanceof UploadStalled) &&
  !('syscall' in error) &&
  !('code' in error);

function storageKey(id: string, at = new Date()): string {
  return `files/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
}

/**
 * What Gesit made: bytes in memory, or a file spooled to disk with its size and hash (a large package is
 * never held whole in memory; the storage driver may move the file into place, so the caller gives it up).
 */
export type GeneratedContent = { bytes: Buffer } | { spool: { path: string; size: number; sha256: string } };

@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly access: FileAccessRegistry,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Streams one multipart file to a temporary file while hashing, counting and sniffing it, then puts it
   * in storage with its size and hash known (S3 then streams it; disk moves the file into place) and
   * records it. Whatever fails, nothing stays behind: no temporary file, no object, no row.
   */
  async upload(principal: Principal, part: MultipartFile | undefined): Promise<UploadedFile> {
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw badInput({
        id: "Kirim berkas sebagai multipart/form-data pada kolom bernama 'file'.",
        en: "Send the file as multipart/form-data in a field named 'file'.",
      });
    }
    await mkdir(this.config.uploadSpoolDir, { recursive: true });
    const id = randomUUID();
    const spool = join(this.config.uploadSpoolDir, id);
    const hash = createHash('sha256');
    const declared = { filename: part.filename, mimetype: part.mimetype };
    let size = 0;
    let head = Buffer.alloc(0);
    let type: AcceptedType | null = null;
    // A client that stops sending (or sends a byte now and then) must not hold the spool file and the request.
    const idleMs = this.config.uploadIdleTimeoutMs;
    const idle = setTimeout(() => part.file.destroy(new UploadStalled()), idleMs);
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        idle.refresh();
        size += chunk.length;
        hash.update(chunk);
        if (!type && head.length < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          // Refuse a disguised executable after its first bytes instead of spooling all of it.
          if (head.length >= SNIFF_BYTES && !(type = sniffContentType(head, declared, false))) return callback(new UnsupportedContent());
        }
        callback(null, chunk);
      },
    });
    try {
      try {
        await pipeline(part.file, inspect, createWriteStream(spool, { flags: 'wx' }));
      } catch (error) {
        throw isParserError(error) ? malformedUpload() : error;
      } finally {
        clearTimeout(idle);
      }
      if (part.file.truncated) throw this.tooLarge();
      type ??= sniffContentType(head, declared, true);
      if (!type) throw new UnsupportedContent();
      const file: StoredFileEntity = Object.assign(new StoredFileEntity(), {
        id,
        storageKey: storageKey(id),
        filename: safeFilename(part.filename, type),
        contentType: type,
        size,
        sha256: hash.digest('hex'),
        uploadedById: principal.userId,
        locked: false,
      });
      await this.storage.putFile(file.storageKey, spool, size, { contentType: type, sha256: file.sha256 });
      try {
        await inTransaction(this.dataSource, async (em) => {
          await em.insert(StoredFileEntity, file);
          await this.audit.record(em, {
            actorId: principal.userId,
            action: 'file.uploaded',
            entityType: 'StoredFile',
            entityId: id,
            change: { filename: file.filename, contentType: type, size, sha256: file.sha256 },
          });
        });
      } catch (error) {
        await this.storage.remove(file.storageKey).catch(() => undefined);
        throw error;
      }
      return { id, filename: file.filename, contentType: file.contentType, size, sha256: file.sha256 };
    } catch (error) {
      part.file.resume();
      if (error instanceof UnsupportedContent) {
        throw new UnsupportedMediaTypeException({
          message: {
            id: 'Hanya berkas PDF, PNG, JPEG, TIFF, ZIP dan CSV yang diterima, dikenali dari isinya.',
            en: 'Only PDF, PNG, JPEG, TIFF, ZIP and CSV files are accepted, recognised by their content.',
          },
        });
      }
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw this.tooLarge();
      if (error instanceof UploadStalled) {
        throw new RequestTimeoutException({
          message: {
            id: `Unggahan berhenti: tidak ada data selama ${Math.ceil(idleMs / 1000)} detik. Periksa koneksi Anda, lalu unggah lagi.`,
            en: `The upload stopped: no data for ${Math.ceil(idleMs / 1000)} seconds. Check your connection, then upload again.`,
          },
        });
      }
      throw error;
    } finally {
      await rm(spool, { force: true });
    }
  }

  private tooLarge(): PayloadTooLargeException {
    const mb = Math.round(this.config.uploadMaxBytes / 1024 / 1024);
    return new PayloadTooLargeException({
      message: { id: `Berkas lebih besar daripada batas ${mb} MB.`, en: `The file is larger than the limit of ${mb} MB.` },
    });
  }

  /**
   * Stores bytes that Gesit made itself (a signed letter, minutes), inside the caller's transaction. A file
   * with `retainUntil` is written once, and put under retention by a job that commits with this row: an
   * object under retention can never be deleted, so it must not exist while the row may still roll back
   * (then the storage sweep removes the unreferenced object).
   */
  async storeGenerated(
    em: EntityManager,
    input: GeneratedContent & { filename: string; contentType: AcceptedType; createdById: string | null; retainUntil?: Date },
  ): Promise<StoredFileEntity> {
    const id = randomUUID();
    const size = 'bytes' in input ? input.bytes.length : input.spool.size;
    const file: StoredFileEntity = Object.assign(new StoredFileEntity(), {
      id,
      storageKey: storageKey(id),
      filename: safeFilename(input.filename, input.contentType),
      contentType: input.contentType,
      size,
      sha256: 'bytes' in input ? createHash('sha256').update(input.bytes).digest('hex') : input.spool.sha256,
      uploadedById: input.createdById,
      locked: Boolean(input.retainUntil),
      retainUntil: input.retainUntil ?? null,
      retainedAt: null,
    });
    const options = { contentType: input.contentType, sha256: file.sha256, writeOnce: file.locked };
    if ('bytes' in input) await this.storage.put(file.storageKey, input.bytes, size, options);
    else await this.storage.putFile(file.storageKey, input.spool.path, size, options);
    await em.insert(StoredFileEntity, file);
    if (file.locked)
      await this.outbox.add(em, { queue: FILES_QUEUE, name: RETAIN_JOB, payload: { fileId: id }, jobId: `file-retain-${id}` });
    return file;
  }

  /**
   * Forgets a file Gesit made and replaced (an old preview), inside the caller's transaction; a file under
   * retention stays. The storage sweep removes the object once no row names it.
   */
  async discardGenerated(em: EntityManager, fileId: string): Promise<void> {
    await em.delete(StoredFileEntity, { id: fileId, locked: false });
  }

  /** The file, when `principal` may read it; NOT_FOUND otherwise, so ids of others' files reveal nothing. */
  async findReadable(principal: Principal, id: string): Promise<StoredFileEntity> {
    const file = isUuid(id) ? await this.dataSource.getRepository(StoredFileEntity).findOneBy({ id }) : null;
    if (!file || !(await this.access.canRead(principal, file))) throw notFound({ id: 'Berkas unggahan', en: 'File' });
    return file;
  }

  findByIds(ids: readonly string[]): Promise<StoredFileEntity[]> {
    return this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  async readBytes(file: StoredFileEntity): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(file.storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** A URL valid for a few minutes: presigned by S3, or signed by us for the disk driver. */
  async downloadUrl(file: StoredFileEntity, baseUrl: string): Promise<string> {
    const ttl = this.config.downloadUrlTtlSeconds;
    const presigned = await this.storage.presignedGetUrl(file.storageKey, ttl, { filename: file.filename, contentType: file.contentType });
    if (presigned) return presigned;
    const expires = Math.floor(Date.now() / 1000) + ttl;
    return `${baseUrl}/files/${file.id}/content?expires=${expires}&sig=${signDownload(this.config.jwtSecret, file.id, expires)}`;
  }

  /** Opens the bytes behind a signed download link; a bad or expired link is NOT_FOUND. */
  async openSigned(id: string, expires: string, signature: string): Promise<{ file: StoredFileEntity; stream: NodeJS.ReadableStream }> {
    if (!isUuid(id) || !verifyDownload(this.config.jwtSecret, id, Number(expires), signature ?? '')) {
      throw new AppError('NOT_FOUND', {
        id: 'Tautan unduhan ini sudah kedaluwarsa atau tidak sah; minta tautan yang baru.',
        en: 'This download link is expired or invalid; ask for a new one.',
      });
    }
    const file = await findOrNotFound(this.dataSource.manager, StoredFileEntity, id, { id: 'Berkas unggahan', en: 'File' });
    try {
      return { file, stream: await this.storage.get(file.storageKey) };
    } catch (error) {
      // The row outlives its object when disposal destroyed the content (the row is the tombstone's metadata).
      if (error instanceof ObjectNotFoundError)
        throw new AppError('NOT_FOUND', {
          id: `Isi berkas ${file.filename} sudah tidak ada (dimusnahkan).`,
          en: `The content of ${file.filename} no longer exists (it was destroyed).`,
        });
      throw error;
    }
  }
}
