import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@gesit/platform';
import { generateDevelopmentCertificate } from './local-certificate';
import { loadInstitutionSeal } from './signer.provider';

describe('loadInstitutionSeal', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Segel Dinas Kominfo', organisation: 'Dinas Kominfo Kota Bandung' });
  const dir = mkdtempSync(join(tmpdir(), 'gesit-seal-'));
  const p12Path = join(dir, 'seal.p12');
  writeFileSync(p12Path, certificate.p12);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (p12Passphrase: string) => ({ signing: { p12Path, p12Passphrase } }) as unknown as AppConfig;

  it('stops the start when the seal does not open with its passphrase', async () => {
    await expect(loadInstitutionSeal(config('not-the-passphrase'))).rejects.toThrow(
      /SIGNING_P12_PATH: the PKCS#12 does not open with SIGNING_P12_PASSPHRASE/,
    );
  });

  it('loads the seal with the right passphrase', async () => {
    const seal = await loadInstitutionSeal(config(certificate.passphrase));
    expect(seal.pkcs12.bytes.equals(certificate.p12)).toBe(true);
  });
});
