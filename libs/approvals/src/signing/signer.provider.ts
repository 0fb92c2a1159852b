import type { Provider } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { AppConfig } from '@gesit/platform';
import { BsreSigner } from './bsre.signer';
import { developmentSeal } from './development-seal';
import { LocalP12Signer } from './local.signer';
import { SIGNER, type Signer } from './signer.port';

/** The Signer the configuration asks for (SIGNER=local|bsre); config validation already refused incomplete settings. */
export async function createSigner(config: AppConfig): Promise<Signer> {
  const { signing } = config;
  if (signing.signer === 'bsre') return new BsreSigner(signing.bsre!);
  if (signing.p12Path) return new LocalP12Signer(await readFile(signing.p12Path), signing.p12Passphrase);
  const seal = await developmentSeal(signing.developmentDir);
  return new LocalP12Signer(seal.p12, seal.passphrase);
}

export const signerProvider: Provider = { provide: SIGNER, inject: [AppConfig], useFactory: createSigner };
