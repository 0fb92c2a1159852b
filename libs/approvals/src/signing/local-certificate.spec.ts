import { X509Certificate, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { generateDevelopmentCertificate, loadPkcs12 } from './local-certificate';

describe('development certificate', () => {
  const generated = generateDevelopmentCertificate({ commonName: 'Budi Santoso', organisation: 'Dinas Kominfo' });

  it('is a CA and a signing certificate issued by it, in a PKCS#12', () => {
    const { privateKeyPem, certificatesDer } = loadPkcs12(generated.p12, generated.passphrase);
    const [leaf, ca] = certificatesDer.map((der) => new X509Certificate(der));
    expect(certificatesDer).toHaveLength(2);
    expect(leaf.subject).toContain('CN=Budi Santoso');
    expect(leaf.checkPrivateKey(createPrivateKey(privateKeyPem))).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(ca.raw.equals(new X509Certificate(generated.caCertPem).raw)).toBe(true);
    expect([ca.ca, leaf.ca]).toEqual([true, false]);

    const keyUsage = (der: Buffer) =>
      forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))).getExtension('keyUsage') as Record<string, unknown>;
    expect(keyUsage(ca.raw)).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
    expect(keyUsage(leaf.raw)).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(createPrivateKey(privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('loads the same buffer again (it is not consumed)', () => {
    const first = loadPkcs12(generated.p12, generated.passphrase);
    expect(loadPkcs12(generated.p12, generated.passphrase)).toEqual(first);
  });

  it('rejects a wrong passphrase', () => {
    expect(() => loadPkcs12(generated.p12, 'wrong')).toThrow();
  });

  it('puts the leaf first whatever the order in the PKCS#12', () => {
    const { privateKeyPem, certificatesDer } = loadPkcs12(generated.p12, generated.passphrase);
    const certificates = certificatesDer.map((der) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))));
    const reversed = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(privateKeyPem), [...certificates].reverse(), 'pw', {
      algorithm: '3des',
    });
    const loaded = loadPkcs12(Buffer.from(forge.asn1.toDer(reversed).getBytes(), 'binary'), 'pw');
    expect(loaded.certificatesDer).toEqual(certificatesDer);
  });
});
