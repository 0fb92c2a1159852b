import type { Provider } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { AppConfig, ConfigError } from '@gesit/platform';
import { BsreSigner } from './bsre.signer';
import { developmentSeal } from './development-seal';
import { LocalP12Signer } from './local.signer';
import { SIGNER, type Signer } from './signer.port';

/** The institution seal: signs approval sheets (and, with SIGNER=local, the letters themselves). */
export const INSTITUTION_SEAL = Symbol('INSTITUTION_SEAL');

/** The PKCS#12 of SIGNING_P12_PATH; development makes a seal of its own (production requires the setting). */
export async function loadInstitutionSeal(config: AppConfig): Promise<LocalP12Signer> {
  const { signing } = config;
  if (signing.p12Path) {
    const p12 = await readFile(signing.p12Path);
    refuseUnopenable(p12, signing.p12Passphrase);
    return new LocalP12Signer(p12, signing.p12Passphrase);
  }
  const seal = await developmentSeal(signing.developmentDir);
  return new LocalP12Signer(seal.p12, seal.passphrase);
}

/**
 * Stops the start on a seal that does not open with its passphrase. The signer reads the PKCS#12 only at its
 * first signature (forge takes a few hundred milliseconds); OpenSSL checks the MAC in a few. A file OpenSSL 3
 * cannot decrypt at all (the legacy RC2 of older tools) is left to forge, which reads those.
 */
function refuseUnopenable(p12: Buffer, passphrase: string): void {
  try {
    createSecureContext({ pfx: p12, passphrase });
  } catch (error) {
    const reason = (error as Error).message;
    if (/unsupported/i.test(reason)) return;
    throw new ConfigError([`SIGNING_P12_PATH: the PKCS#12 does not open with SIGNING_P12_PASSPHRASE (${reason})`]);
  }
}

/** The Signer the configuration asks for (SIGNER=local|bsre); config validation already refused incomplete settings. */
export function createSigner(config: AppConfig, seal: LocalP12Signer): Signer {
  return config.signing.signer === 'bsre' ? new BsreSigner(config.signing.bsre!) : seal;
}

export const signingProviders: Provider[] = [
  { provide: INSTITUTION_SEAL, inject: [AppConfig], useFactory: loadInstitutionSeal },
  { provide: SIGNER, inject: [AppConfig, INSTITUTION_SEAL], useFactory: createSigner },
];
