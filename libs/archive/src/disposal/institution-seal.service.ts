import { Injectable } from '@nestjs/common';
import { type LocalP12Signer, loadInstitutionSeal } from '@gesit/approvals';
import { AppConfig } from '@gesit/platform';

/** The institution seal for disposal minutes: the one that seals approval sheets, also where letters are signed personally through BSrE. */
@Injectable()
export class InstitutionSealService {
  private signer: Promise<LocalP12Signer> | null = null;

  constructor(private readonly config: AppConfig) {}

  async sign(pdf: Buffer, reason: string): Promise<Buffer> {
    const signer = await (this.signer ??= loadInstitutionSeal(this.config));
    return signer.signPdf(pdf, { reason, location: this.config.signing.location, signerName: 'Segel instansi (Gesit)' });
  }
}
