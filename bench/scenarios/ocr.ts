import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ocrImages, rasterise } from '@gesit/archive/testing';
import type { ScenarioResult } from '../measure';

const LINES = [
  'BERITA ACARA PEMUSNAHAN ARSIP',
  'Pada hari ini telah dilaksanakan pemusnahan arsip inaktif',
  'yang telah dinilai oleh panitia penilai arsip dan disetujui',
  'oleh Kepala Dinas sesuai jadwal retensi arsip yang berlaku.',
  'Daftar arsip yang dimusnahkan terlampir dalam berita acara ini.',
];

/** ocr: pages per minute through the worker's own tools (pdftoppm at 200 dpi, tesseract -l ind), one page per job. */
export async function ocr(quick: boolean): Promise<ScenarioResult[]> {
  const pages = quick ? 2 : 12;
  const dir = mkdtempSync(join(tmpdir(), 'gesit-bench-ocr-'));
  try {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 0; p < pages; p++) {
      const page = doc.addPage([595, 842]);
      for (let l = 0; l < 30; l++)
        page.drawText(`${LINES[l % LINES.length]} (${p + 1}.${l + 1})`, { x: 50, y: 790 - l * 25, size: 11, font });
    }
    writeFileSync(join(dir, 'scan.pdf'), await doc.save());
    const images = await rasterise(join(dir, 'scan.pdf'), dir, 600_000);
    const runAt = async (concurrency: number): Promise<number> => {
      const start = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          for (let i = next++; i < images.length; i = next++) {
            const out = join(dir, `w${concurrency}-${w}-${i}`);
            execFileSync('mkdir', ['-p', out]);
            await ocrImages([images[i]], out, 600_000);
          }
        }),
      );
      return (pages / (Date.now() - start)) * 60_000;
    };
    const one = await runAt(1);
    const two = await runAt(2);
    return [
      {
        name: 'ocr',
        figure: `${one.toFixed(1)} pages/min with ARCHIVE_OCR_CONCURRENCY=1, ${two.toFixed(1)} with 2 (${pages} pages, 200 dpi, tesseract -l ind)`,
        ratio: two / one,
        baseline: 'concurrency 1',
        target: 'at least 10 pages/min on one core',
        met: one >= 10,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
