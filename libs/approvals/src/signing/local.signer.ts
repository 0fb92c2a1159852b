import { type KeyObject, createHash, createPrivateKey, sign } from 'node:crypto';
import type forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import { loadPkcs12 } from './local-certificate';
import { nodeForge, signpdfPlaceholder } from '../pdf/pdf-libraries';
import { isPdfDocEncodable, loadPdf, sanitizeText, savePdf } from '../pdf/pdf-support';
import type { PlaceholderSigner, SignRequest, SignatureWidget } from './signer.port';

type Asn1 = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};

/** Hex digits reserved for the CMS: 8 KiB of DER, room for a chain of a few 4096-bit certificates. */
const SIGNATURE_HEX_LENGTH = 16384;
const BYTE_RANGE_PLACEHOLDER = '**********';

/** The seal's key and certificates with the CMS parts that only depend on them. */
interface SealKeys {
  key: KeyObject;
  certificates: Asn1[];
  signerId: Asn1;
  signingCertificateAttribute: Asn1;
}

function readSeal(p12: Buffer, passphrase: string): SealKeys {
  const { asn1 } = nodeForge();
  const { privateKeyPem, certificatesDer } = loadPkcs12(p12, passphrase);
  const certificates = certificatesDer.map((der) => asn1.fromDer(der.toString('binary')));
  const tbs = children(children(certificates[0])[0]);
  const serialAt = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const [serial, issuer] = [tbs[serialAt], tbs[serialAt + 2]];
  // ESS signing-certificate-v2 (RFC 5035), required by CAdES/PAdES: binds the signature to the certificate.
  const issuerSerial = sequence([sequence([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]);
  const certHash = createHash('sha256').update(certificatesDer[0]).digest('binary');
  return {
    key: createPrivateKey(privateKeyPem),
    certificates,
    signerId: sequence([issuer, serial]),
    signingCertificateAttribute: attribute(OID.signingCertificateV2, sequence([sequence([sequence([octets(certHash), issuerSerial])])])),
  };
}

/**
 * Signs with a PKCS#12 held by the server (development, or an office seal without BSrE).
 * The PKCS#12 is read at the first signature, then kept; each signature is a SHA-256 digest plus one
 * node:crypto RSA operation. Reading it (forge's JavaScript PBKDF2 and MAC) was a tenth of the API's
 * start-up, and the API's own seal mostly hands its bytes to the PDF threads, which read their copy.
 */
export class LocalP12Signer implements PlaceholderSigner {
  readonly kind = 'local-p12' as const;
  private keys?: SealKeys;

  /** The PKCS#12 and its passphrase as given: what a worker thread builds the same signer from. */
  readonly pkcs12: { bytes: Buffer; passphrase: string };

  constructor(p12: Buffer, passphrase: string) {
    this.pkcs12 = { bytes: p12, passphrase };
  }

  async signPdf(pdf: Buffer, request: SignRequest): Promise<Buffer> {
    const doc = await loadPdf(pdf);
    this.addPlaceholder(doc, request);
    return this.signPrepared(await savePdf(doc));
  }

  addPlaceholder(doc: PDFDocument, request: SignRequest, widget?: SignatureWidget): void {
    signpdfPlaceholder().pdflibAddPlaceholder({
      pdfDoc: doc,
      pdfPage: widget?.page,
      widgetRect: widget?.rect,
      reason: literal(request.reason),
      location: literal(request.location),
      name: literal(request.signerName),
      contactInfo: literal(request.contactInfo ?? ''),
      subFilter: 'ETSI.CAdES.detached',
      signatureLength: SIGNATURE_HEX_LENGTH,
      byteRangePlaceholder: BYTE_RANGE_PLACEHOLDER,
      appName: 'Gesit',
    });
  }

  async signPrepared(pdf: Buffer): Promise<Buffer> {
    const byteRangeAt = pdf.lastIndexOf(`/ByteRange [ 0 /${BYTE_RANGE_PLACEHOLDER}`);
    if (byteRangeAt < 0) throw new Error('The PDF has no signature placeholder of this signer');
    const byteRangeEnd = pdf.indexOf(']', byteRangeAt) + 1;
    const contentsStart = pdf.indexOf('<', pdf.indexOf('/Contents ', byteRangeEnd));
    const contentsEnd = pdf.indexOf('>', contentsStart) + 1;

    // The signature covers everything but the /Contents hex string, so the whole file is signed.
    const byteRange = `/ByteRange [0 ${contentsStart} ${contentsEnd} ${pdf.length - contentsEnd}]`;
    if (byteRange.length > byteRangeEnd - byteRangeAt) throw new Error('The PDF is too large for the ByteRange placeholder');
    pdf.write(byteRange.padEnd(byteRangeEnd - byteRangeAt, ' '), byteRangeAt, 'latin1');

    const digest = createHash('sha256').update(pdf.subarray(0, contentsStart)).update(pdf.subarray(contentsEnd)).digest();
    const cms = this.signedData(digest).toString('hex');
    if (cms.length > contentsEnd - contentsStart - 2) throw new Error('The signature does not fit its placeholder');
    pdf.fill('0', contentsStart + 1, contentsEnd - 1);
    pdf.write(cms, contentsStart + 1, 'latin1');
    return pdf;
  }

  /**
   * CMS SignedData, detached. No signing-time attribute: PAdES baseline forbids it, the signing
   * time is the /M entry of the signature dictionary.
   */
  private signedData(digest: Buffer): Buffer {
    const { asn1 } = nodeForge();
    const { key, certificates, signerId, signingCertificateAttribute } = (this.keys ??= readSeal(
      this.pkcs12.bytes,
      this.pkcs12.passphrase,
    ));
    const attributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.messageDigest, octets(digest.toString('binary'))),
      signingCertificateAttribute,
    ]
      .map((attr) => ({ attr, der: asn1.toDer(attr).getBytes() }))
      .sort((a, b) => (a.der < b.der ? -1 : a.der > b.der ? 1 : 0)) // DER orders a SET OF by encoding
      .map(({ attr }) => attr);
    const signedAttributesDer = Buffer.from(asn1.toDer(set(attributes)).getBytes(), 'binary');
    const signature = sign('sha256', signedAttributesDer, key);

    const signerInfo = sequence([
      integer(1),
      signerId,
      sequence([oid(OID.sha256)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
      sequence([oid(OID.sha256WithRsa), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
      octets(signature.toString('binary')),
    ]);
    const signedData = sequence([
      integer(1),
      set([sequence([oid(OID.sha256)])]),
      sequence([oid(OID.data)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
      set([signerInfo]),
    ]);
    const contentInfo = sequence([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
    return Buffer.from(asn1.toDer(contentInfo).getBytes(), 'binary');
  }
}

/** pdf-lib writes these literal strings as they are: keep them in PDFDocEncoding and escape the delimiters. */
function literal(text: string): string {
  return sanitizeText(text, isPdfDocEncodable).replace(/[\\()]/g, '\\$&');
}

function children(node: Asn1): Asn1[] {
  if (!Array.isArray(node.value)) throw new Error('Unexpected certificate structure');
  return node.value;
}

const sequence = (items: Asn1[]) => {
  const { asn1 } = nodeForge();
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
};
const set = (items: Asn1[]) => {
  const { asn1 } = nodeForge();
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
};
const oid = (id: string) => {
  const { asn1 } = nodeForge();
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
};
const octets = (binary: string) => {
  const { asn1 } = nodeForge();
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, binary);
};
const integer = (n: number) => {
  const { asn1 } = nodeForge();
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
};
const attribute = (type: string, value: Asn1) => sequence([oid(type), set([value])]);
