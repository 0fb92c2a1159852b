import { createHmac, timingSafeEqual } from 'node:crypto';

/** An expiring signature for `/files/:id/content` (the disk driver's stand-in for a presigned URL). */
export function signDownload(secret: string, fileId: string, expiresAt: number): string {
  return createHmac('sha256', secret).update(`download:${fileId}:${expiresAt}`).digest('base64url');
}

export function verifyDownload(secret: string, fileId: string, expiresAt: number, signature: string, now = Date.now()): boolean {
  if (!Number.isSafeInteger(expiresAt) || expiresAt * 1000 < now) return false;
  const expected = Buffer.from(signDownload(secret, fileId, expiresAt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
