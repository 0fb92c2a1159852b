import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Poppler and qpdf on temporary files (Debian packages poppler-utils, qpdf, libnss3-tools). */
export class PdfTools {
  readonly dir = mkdtempSync(join(tmpdir(), 'gesit-signing-'));
  private files = 0;

  write(pdf: Buffer): string {
    const file = join(this.dir, `${++this.files}.pdf`);
    writeFileSync(file, pdf);
    return file;
  }

  pdfsig(pdf: Buffer, nssDir?: string): string {
    return run('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), this.write(pdf)]).output;
  }

  /** Lines of `qpdf --check` that report a problem; exit code 0 (clean) or 3 (warnings) only. */
  qpdfProblems(pdf: Buffer): string[] {
    const { status, output } = run('qpdf', ['--check', this.write(pdf)]);
    if (status !== 0 && status !== 3) throw new Error(`qpdf --check exited with ${status}:\n${output}`);
    return output
      .split('\n')
      .filter(
        (line) => /error|warning/i.test(line) && !/^No syntax or stream encoding errors found|^errors that qpdf cannot detect/.test(line),
      );
  }

  /** Text of each page (pdftotext separates pages with form feeds). */
  pageTexts(pdf: Buffer, first?: number, last?: number): string[] {
    const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
    return run('pdftotext', [...range, this.write(pdf), '-'])
      .output.split('\f')
      .slice(0, -1);
  }

  pageCount(pdf: Buffer): number {
    return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [this.write(pdf)]).output)?.[1]);
  }

  /** Rows of `pdfimages -list` (one per image drawn on a page). */
  imagesDrawn(pdf: Buffer): string[] {
    return run('pdfimages', ['-list', this.write(pdf)])
      .output.split('\n')
      .slice(2)
      .filter(Boolean);
  }

  /** Rows of `pdffonts` (one per font object). */
  fonts(pdf: Buffer): string[] {
    return run('pdffonts', [this.write(pdf)])
      .output.split('\n')
      .slice(2)
      .filter(Boolean);
  }

  /** An NSS database that trusts `caPem`, for `pdfsig -nssdir`. */
  trustStore(caPem: string): string {
    const nss = join(this.dir, 'nss');
    const ca = join(this.dir, 'ca.pem');
    writeFileSync(ca, caPem);
    mkdirSync(nss);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'gesit-dev-ca', '-t', 'CT,C,C', '-i', ca]);
    return nss;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    const failed = error as { status?: number | null; stdout?: string; stderr?: string };
    if (typeof failed.status !== 'number') throw error;
    return { status: failed.status, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
