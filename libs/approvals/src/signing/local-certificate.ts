import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import type forge from 'node-forge';
import { nodeForge } from '../pdf/pdf-libraries';

export interface DevelopmentCertificate {
  p12: Buffer;
  passphrase: string;
  caCertPem: string;
}

/**
 * A CA and a signing certificate issued by it, for development and tests: pdfsig accepts a
 * CA + leaf chain (a lone self-signed leaf gives "Unknown issue with Certificate").
 */
export function generateDevelopmentCertificate(subject: { commonName: string; organisation: string }): DevelopmentCertificate {
  const forge = nodeForge();
  const { pki } = forge;
  const caKeys = pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const leafKeys = pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const caName = distinguishedName(`${subject.organisation} Development CA`, subject.organisation);
  const leafName = distinguishedName(subject.commonName, subject.organisation);

  const ca = newCertificate(caKeys.publicKey, caName, caName, 10);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const leaf = newCertificate(leafKeys.publicKey, leafName, caName, 2);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leaf.sign(caKeys.privateKey, forge.md.sha256.create());

  const passphrase = randomBytes(18).toString('base64url');
  const p12 = forge.pkcs12.toPkcs12Asn1(leafKeys.privateKey, [leaf, ca], passphrase, {
    algorithm: 'aes256',
    friendlyName: subject.commonName,
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    passphrase,
    caCertPem: pki.certificateToPem(ca),
  };
}

/** UTF8String values: forge's default PrintableString would mangle names such as 'Ñoman'. */
function distinguishedName(commonName: string, organisation: string): forge.pki.CertificateField[] {
  const utf8 = nodeForge().asn1.Type.UTF8 as unknown as forge.asn1.Class; // @types/node-forge mistypes the tag as a Class
  return [
    { name: 'commonName', value: commonName, valueTagClass: utf8 },
    { name: 'organizationName', value: organisation, valueTagClass: utf8 },
  ];
}

function newCertificate(
  publicKey: forge.pki.PublicKey,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  years: number,
): forge.pki.Certificate {
  const cert = nodeForge().pki.createCertificate();
  cert.publicKey = publicKey;
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01; // positive and without a leading zero byte
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 5 * 60_000);
  cert.validity.notAfter = new Date(cert.validity.notBefore.getTime() + years * 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  return cert;
}

export interface LoadedPkcs12 {
  privateKeyPem: string;
  /** leaf first, then its issuers */
  certificatesDer: Buffer[];
}

/** Reads an RSA key and its certificate chain from a PKCS#12; the input buffer is left untouched. */
export function loadPkcs12(p12: Buffer, passphrase: string): LoadedPkcs12 {
  const { pki, pkcs12, asn1 } = nodeForge();
  const pfx = pkcs12.pkcs12FromAsn1(asn1.fromDer(p12.toString('binary')), passphrase);
  const keyBags = [
    ...(pfx.getBags({ bagType: pki.oids.pkcs8ShroudedKeyBag })[pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(pfx.getBags({ bagType: pki.oids.keyBag })[pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((bag) => bag.key)?.key;
  if (!key) throw new Error('The PKCS#12 holds no RSA private key');
  const privateKeyPem = pki.privateKeyToPem(key);

  const certificates = (pfx.getBags({ bagType: pki.oids.certBag })[pki.oids.certBag] ?? []).map((bag) => {
    const der = asn1.toDer(bag.cert ? pki.certificateToAsn1(bag.cert) : bag.asn1).getBytes();
    return new X509Certificate(Buffer.from(der, 'binary'));
  });
  const privateKey = createPrivateKey(privateKeyPem);
  const leaf = certificates.find((cert) => cert.checkPrivateKey(privateKey));
  if (!leaf) throw new Error('The PKCS#12 holds no certificate for its private key');

  const chain = [leaf];
  const rest = certificates.filter((cert) => cert !== leaf);
  for (;;) {
    const last = chain[chain.length - 1];
    const issuer = last.checkIssued(last) ? -1 : rest.findIndex((cert) => last.checkIssued(cert));
    if (issuer < 0) break;
    chain.push(...rest.splice(issuer, 1));
  }
  return { privateKeyPem, certificatesDer: [...chain, ...rest].map((cert) => cert.raw) };
}
