import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OBJECT_STORAGE, ObjectLockedError, type ObjectStorage } from '../storage/object-storage';
import { checkpointKey, parseCheckpoint, signCheckpoint, type SignedAuditCheckpoint } from './audit-checkpoint';
import { AuditService, type AuditChainStatus } from './audit.service';

const WRITE_ATTEMPTS = 5;
const READ_CONCURRENCY = 8;

export interface LoadedCheckpoints {
  /** Checkpoints whose signature holds, oldest first. */
  checkpoints: SignedAuditCheckpoint[];
  /** Numbers of stored checkpoints whose signature does not hold. */
  forged: number[];
}

/**
 * Anchors the audit chain outside the database: checkpoints of (last id, head hash, count), signed with
 * AUDIT_HMAC_KEY (never in the database) and stored write-once in object storage, under object lock
 * where the bucket has it. Someone who can rewrite the database can re-hash the chain, but cannot make
 * it match a checkpoint written before; deleting the newest events leaves a checkpoint pointing past them.
 */
@Injectable()
export class AuditAnchorService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Writes a checkpoint of the chain's head now; the latest one when nothing was added since; null for an empty chain. */
  async write(now = new Date()): Promise<SignedAuditCheckpoint | null> {
    const [head]: { id: string; hash: string; count: number }[] = await this.dataSource.query(
      `SELECT e.id::text AS id, e.hash, (SELECT count(*)::int FROM audit_event c WHERE c.id <= e.id) AS count
         FROM audit_event e ORDER BY e.id DESC LIMIT 1`,
    );
    if (!head) return null;
    const lockUntil = new Date(now.getTime() + this.config.auditCheckpointRetentionYears * 365.25 * 86_400_000);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const latest = await this.latestSeq();
      const last = latest ? await this.read(latest) : null;
      if (last && last.lastEventId === head.id && last.headHash === head.hash) return last;
      const signed = signCheckpoint(this.config.auditHmacKey, {
        seq: latest + 1,
        lastEventId: head.id,
        headHash: head.hash,
        eventCount: head.count,
        at: now.toISOString(),
      });
      const body = Buffer.from(JSON.stringify(signed));
      try {
        await this.storage.put(checkpointKey(signed.seq), body, body.length, { contentType: 'application/json', lockUntil });
        return signed;
      } catch (error) {
        // Another process wrote this number first: take the next.
        if (!(error instanceof ObjectLockedError)) throw error;
      }
    }
    throw new Error(`audit checkpoint not written: ${WRITE_ATTEMPTS} other writers were faster`);
  }

  /** Every stored checkpoint, checked against the key. */
  async load(): Promise<LoadedCheckpoints> {
    const latest = await this.latestSeq();
    const result: LoadedCheckpoints = { checkpoints: [], forged: [] };
    for (let from = 1; from <= latest; from += READ_CONCURRENCY) {
      const seqs = Array.from({ length: Math.min(READ_CONCURRENCY, latest - from + 1) }, (_, i) => from + i);
      const read = await Promise.all(seqs.map((seq) => this.read(seq)));
      read.forEach((checkpoint, i) => (checkpoint ? result.checkpoints.push(checkpoint) : result.forged.push(seqs[i])));
    }
    return result;
  }

  /** The chain walked and held against every checkpoint. */
  async verify(): Promise<AuditChainStatus> {
    return this.audit.verifyChain(await this.load());
  }

  /** Null when missing or not signed with our key. */
  private async read(seq: number): Promise<SignedAuditCheckpoint | null> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of await this.storage.get(checkpointKey(seq))) chunks.push(Buffer.from(chunk as Buffer));
    } catch {
      return null;
    }
    return parseCheckpoint(this.config.auditHmacKey, seq, Buffer.concat(chunks).toString('utf8'));
  }

  private async exists(seq: number): Promise<boolean> {
    return (await this.storage.stat(checkpointKey(seq))) !== null;
  }

  /** The number of the newest checkpoint (0: none), in O(log n) look-ups: checkpoints are numbered without gaps. */
  private async latestSeq(): Promise<number> {
    if (!(await this.exists(1))) return 0;
    let low = 1;
    let high = 2;
    while (await this.exists(high)) {
      low = high;
      high *= 2;
    }
    // low exists, high does not.
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await this.exists(middle)) low = middle;
      else high = middle;
    }
    return low;
  }
}
