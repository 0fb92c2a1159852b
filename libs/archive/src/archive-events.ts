/** The archive's queue and its jobs: name → payload, for producers (through the outbox) and the processors. */
export const ARCHIVE_QUEUE = 'archive';
/** OCR has a queue of its own: its concurrency is a setting (ARCHIVE_OCR_CONCURRENCY), each job holds about one core. */
export const ARCHIVE_OCR_QUEUE = 'archive-ocr';

export const OCR_RECORD_JOB = 'archive.record.ocr';
export const IMPORT_RUN_JOB = 'archive.import.run';
export const RETENTION_SWEEP_JOB = 'archive.retention.sweep';
export const OCR_SWEEP_JOB = 'archive.ocr.sweep';

export interface ArchiveEvents {
  [OCR_RECORD_JOB]: { recordId: string };
  [IMPORT_RUN_JOB]: { importId: string };
  [RETENTION_SWEEP_JOB]: Record<string, never>;
  [OCR_SWEEP_JOB]: Record<string, never>;
}

/** Deterministic job ids: adding one twice is harmless. */
export const OCR_JOB_ID_PREFIX = 'record-ocr-';
export const ocrJobId = (recordId: string): string => `${OCR_JOB_ID_PREFIX}${recordId}`;
export const importJobId = (importId: string): string => `import-run-${importId}`;
