import type { Message } from '@gesit/platform';
import { ImportStatus } from '../archive.enums';

export interface ImportOutcome {
  status: ImportStatus;
  dryRun: boolean;
  manifest: string;
  total: number;
  /** Rows handled so far: imported, skipped and failed together. */
  processed: number;
  skipped: number;
  failed: number;
  /** The first refusal, said to the person who can fix the manifest or the ZIP. */
  firstError: Message | null;
}

/** The notice to whoever started an import, with its counts, in Indonesian and English. */
export function importFinishedText(o: ImportOutcome): { title: string; body: string; titleEn: string; bodyEn: string } {
  const what = o.dryRun ? 'Pemeriksaan impor arsip' : 'Impor arsip';
  const title = `${what} ${o.manifest} ${o.status === ImportStatus.FAILED ? 'gagal' : 'selesai'}`;
  const counts = o.dryRun
    ? `${o.total} baris manifes diperiksa: ${o.total - o.failed} siap diimpor, ${o.failed} bermasalah.`
    : `${o.processed - o.skipped - o.failed} arsip diimpor, ${o.skipped} dilewati karena sudah ada, ${o.failed} gagal, dari ${o.total} baris manifes.`;
  const error = o.firstError ? ` Masalah pertama: ${o.firstError.id}` : '';
  const whatEn = o.dryRun ? 'Archive import check' : 'Archive import';
  const titleEn = `${whatEn} ${o.manifest} ${o.status === ImportStatus.FAILED ? 'failed' : 'finished'}`;
  const countsEn = o.dryRun
    ? `${o.total} manifest rows checked: ${o.total - o.failed} ready to import, ${o.failed} with problems.`
    : `${o.processed - o.skipped - o.failed} records imported, ${o.skipped} skipped as already there, ${o.failed} failed, of ${o.total} manifest rows.`;
  const errorEn = o.firstError ? ` First problem: ${o.firstError.en}` : '';
  return { title, body: `${counts}${error}`, titleEn, bodyEn: `${countsEn}${errorEn}` };
}
