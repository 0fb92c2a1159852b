import { AppError, serviceUnavailable } from '@gesit/platform';
import type { SignRequest, Signer } from './signer.port';

export interface BsreSettings {
  /** Base URL of the BSrE e-signature API, e.g. https://esign.example.go.id */
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

interface BsreErrorBody {
  error?: string;
  message?: string;
  status_code?: number;
}

/**
 * Certified personal signatures through BSrE (BSSN) API v2, `POST /api/v2/sign/pdf`. The signer's NIK and
 * passphrase or TOTP pass straight through to BSrE: never stored, logged or queued, and a call is never
 * retried (a wrong passphrase counts against the signer's certificate).
 */
export class BsreSigner implements Signer {
  readonly kind = 'bsre' as const;

  constructor(private readonly settings: BsreSettings) {}

  async signPdf(pdf: Buffer, request: SignRequest): Promise<Buffer> {
    const credentials = request.credentials;
    if (!credentials?.nik || !(credentials.passphrase || credentials.totp)) {
      throw new AppError('BAD_USER_INPUT', {
        id: 'Tanda tangan lewat BSrE memerlukan NIK serta passphrase atau kode TOTP BSrE Anda.',
        en: 'Signing with BSrE needs your NIK and your BSrE passphrase or TOTP code.',
      });
    }
    // One deadline for the whole exchange, body included: the caller may hold the unit's number row meanwhile.
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    let response: Response;
    let body: BsreErrorBody & { file?: string[] };
    try {
      response = await fetch(`${this.settings.url}/api/v2/sign/pdf`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${this.settings.username}:${this.settings.password}`).toString('base64')}`,
        },
        body: JSON.stringify({
          nik: credentials.nik,
          ...(credentials.passphrase ? { passphrase: credentials.passphrase } : { totp: credentials.totp }),
          signatureProperties: [{ tampilan: 'INVISIBLE', reason: request.reason, location: request.location }],
          file: [pdf.toString('base64')],
        }),
        signal,
      });
      body = (await response.json().catch((error: unknown) => {
        if (signal.aborted) throw error;
        return {};
      })) as typeof body;
    } catch {
      throw serviceUnavailable({
        id: 'Layanan tanda tangan elektronik BSrE tidak menjawab; surat belum ditandatangani, coba lagi nanti.',
        en: 'The BSrE electronic signature service does not answer; the letter is not signed yet, try again later.',
      });
    }
    if (response.ok && Array.isArray(body.file) && typeof body.file[0] === 'string') return Buffer.from(body.file[0], 'base64');
    const reason = String(body.error ?? body.message ?? `HTTP ${response.status}`).slice(0, 200);
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new AppError('BAD_USER_INPUT', {
        id: `BSrE menolak menandatangani: ${reason}. Periksa NIK serta passphrase atau kode TOTP Anda.`,
        en: `BSrE refused to sign: ${reason}. Check your NIK and passphrase or TOTP code.`,
      });
    }
    throw new Error(`BSrE failed to sign (${response.status}): ${reason}`);
  }
}
