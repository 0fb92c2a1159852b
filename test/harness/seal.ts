import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevelopmentCertificate } from '@gesit/approvals';

/** The settings of an institution seal (a PKCS#12 file), which a production configuration requires. */
export function institutionSealEnv(): { SIGNING_P12_PATH: string; SIGNING_P12_PASSPHRASE: string } {
  const seal = generateDevelopmentCertificate({ commonName: 'Segel Instansi Uji', organisation: 'Gesit (uji)' });
  const path = join(mkdtempSync(join(tmpdir(), 'gesit-seal-')), 'seal.p12');
  writeFileSync(path, seal.p12, { mode: 0o600 });
  return { SIGNING_P12_PATH: path, SIGNING_P12_PASSPHRASE: seal.passphrase };
}
