import type { Provider } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { AppConfig } from '@gesit/platform';
import { BsreSigner } from './bsre.signer';
import { developmentSeal } from './development-seal';
import { LocalP12Signer } from './local.signer';
import { SIGNER, type Signer } from './signer.port';

/** The institution seal: signs approval sheets (and, with SIGNER=local, the letters themselves). */
export const INSTITUTION_SEAL = Symbol('INSTITUTION_SEAL');

/** The PKCS#12 of SIGNING_P12_PATH; development makes a seal of its own (production requires the setting). */
export async function loadInstitutionSeal(config: AppConfig): Promise<LocalP12Signer> {
  const { signing } = config;
  if (signing.p12Path) return new LocalP12Signer(await readFile(signing.p12Path), signing.p12Passphrase);
  const seal = await developmentSeal(signing.developmentDir);
  return new LocalP12Signer(seal.p12, seal.passphrase);
}

/** The Signer the configuration asks for (SIGNER=local|bsre); config validation already refused incomplete settings. */
export function createSigner(config: AppConfig, seal: LocalP12Signer): Signer {
  return config.signing.signer === 'bsre' ? new BsreSigner(config.signing.bsre!) : seal;
}

export const signingProviders: Provider[] = [
  { provide: INSTITUTION_SEAL, inject: [AppConfig], useFactory: loadInstitutionSeal },
  { provide: SIGNER, inject: [AppConfig, INSTITUTION_SEAL], useFactory: createSigner },
];
