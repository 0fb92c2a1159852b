import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { developmentSeal, LocalP12Signer } from '@gesit/approvals';
import { AppConfig, serviceUnavailable } from '@gesit/platform';

/**
 * The institution seal for disposal minutes: always the local PKCS#12 (SIGNING_P12_PATH), also where letters are
 * signed personally through BSrE. Development makes a seal of its own.
 */
@Injectable()
export class InstitutionSealService {
  private signer: Promise<LocalP12Signer> | null = null;

  constructor(private readonly config: AppConfig) {}

  async sign(pdf: Buffer, reason: string): Promise<Buffer> {
    const signer = await (this.signer ??= this.load());
    return signer.signPdf(pdf, { reason, location: this.config.signing.location, signerName: 'Segel instansi (Gesit)' });
  }

  private async load(): Promise<LocalP12Signer> {
    const { signing } = this.config;
    if (signing.p12Path) return new LocalP12Signer(await readFile(signing.p12Path), signing.p12Passphrase);
    if (this.config.production)
      throw serviceUnavailable({
        id: 'Segel instansi belum dipasang (SIGNING_P12_PATH); berita acara tidak dapat ditandatangani.',
        en: 'The institution seal is not installed (SIGNING_P12_PATH); the record of disposal cannot be signed.',
      });
    const seal = await developmentSeal(signing.developmentDir);
    return new LocalP12Signer(seal.p12, seal.passphrase);
  }
}
