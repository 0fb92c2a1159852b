import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './audit-hash';

/** The head of the audit chain at one moment: what a later rewrite or truncation cannot match. */
export interface AuditCheckpoint {
  /** 1, 2, 3…: checkpoint n is stored under checkpointKey(n), write-once. */
  seq: number;
  lastEventId: string;
  headHash: string;
  /** Events with an id up to lastEventId. */
  eventCount: number;
  at: string;
}

export interface SignedAuditCheckpoint extends AuditCheckpoint {
  /** hex HMAC-SHA256 of the canonical checkpoint under AUDIT_HMAC_KEY, which never enters the database. */
  signature: string;
}

export const CHECKPOINT_PREFIX = 'audit-checkpoints';

export const checkpointKey = (seq: number): string => `${CHECKPOINT_PREFIX}/${String(seq).padStart(12, '0')}.json`;

function mac(key: string, checkpoint: AuditCheckpoint): string {
  const { seq, lastEventId, headHash, eventCount, at } = checkpoint;
  return createHmac('sha256', key).update(canonicalJson({ seq, lastEventId, headHash, eventCount, at })).digest('hex');
}

export function signCheckpoint(key: string, checkpoint: AuditCheckpoint): SignedAuditCheckpoint {
  return { ...checkpoint, signature: mac(key, checkpoint) };
}

/** Whether `text` is a checkpoint signed with `key` and stored under the key of its own `seq`. */
export function parseCheckpoint(key: string, seq: number, text: string): SignedAuditCheckpoint | null {
  let parsed: SignedAuditCheckpoint;
  try {
    parsed = JSON.parse(text) as SignedAuditCheckpoint;
  } catch {
    return null;
  }
  if (parsed?.seq !== seq || typeof parsed.signature !== 'string' || !/^[0-9a-f]{64}$/.test(parsed.signature)) return null;
  const expected = Buffer.from(mac(key, parsed), 'hex');
  return timingSafeEqual(expected, Buffer.from(parsed.signature, 'hex')) ? parsed : null;
}

/** What the chain in the database says at a checkpoint's event: its hash and how many events lead up to it. */
export interface ChainPoint {
  id: string;
  hash: string;
  count: number;
}

/** Why the chain at `point` does not match `checkpoint` (in Indonesian), or null when it does. */
export function checkpointMismatch(checkpoint: AuditCheckpoint, point: ChainPoint | null, previousId: string | null): string | null {
  const since = previousId ? `setelah peristiwa ${previousId}` : 'sejak awal';
  if (!point) {
    return `Peristiwa ${checkpoint.lastEventId} yang dicatat titik periksa #${checkpoint.seq} tidak ada lagi: peristiwa ${since} sampai ${checkpoint.lastEventId} dihapus atau diubah.`;
  }
  if (point.hash !== checkpoint.headHash || point.count !== checkpoint.eventCount) {
    return (
      `Rantai audit tidak cocok dengan titik periksa #${checkpoint.seq} (${checkpoint.at}): peristiwa ${since} sampai ${checkpoint.lastEventId} ` +
      `diubah, dihapus atau dihitung ulang (tercatat ${checkpoint.eventCount} peristiwa, kini ${point.count}).`
    );
  }
  return null;
}

/** The tail the database no longer has, as told by the latest checkpoint. */
export function truncationText(checkpoint: AuditCheckpoint, lastId: string | null, count: number): string {
  return (
    `Ekor rantai audit hilang: titik periksa #${checkpoint.seq} (${checkpoint.at}) mencatat ${checkpoint.eventCount} peristiwa sampai ${checkpoint.lastEventId}, ` +
    `basis data kini hanya berisi ${count} peristiwa${lastId ? ` sampai ${lastId}` : ''}.`
  );
}
