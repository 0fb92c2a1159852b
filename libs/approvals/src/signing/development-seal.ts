import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DevelopmentCertificate, generateDevelopmentCertificate } from './local-certificate';

const FILE = 'development-seal.json';

/**
 * The self-signed seal of a development or test installation: generated on first start and kept in
 * `dir`, so every later start (and every test process) signs with the same certificate.
 */
export async function developmentSeal(dir: string): Promise<DevelopmentCertificate> {
  const path = join(dir, FILE);
  const stored = await readFile(path, 'utf8').catch(() => null);
  if (stored) {
    const parsed = JSON.parse(stored) as { p12: string; passphrase: string; caCertPem: string };
    return { ...parsed, p12: Buffer.from(parsed.p12, 'base64') };
  }
  const seal = generateDevelopmentCertificate({ commonName: 'Gesit Development Seal', organisation: 'Gesit (development)' });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ ...seal, p12: seal.p12.toString('base64') }), { mode: 0o600 });
  await rename(temp, path);
  return seal;
}
