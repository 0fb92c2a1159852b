import { DelegationKind } from '@gesit/identity';

/** A date as printed on a letter, e.g. '27 November 2026', in the office's zone. */
export function printedDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/**
 * The position lines of a signing block, top to bottom: 'a.n. <official above>' then the signer's own
 * position; 'Plh. <official>' (or Plt.) for a Plh/Plt; both delegations as 'a.n. …', 'Plh. …'; else the
 * signer's own position.
 */
export function positionLines(
  delegation: DelegationKind | null,
  officialTitle: string | null,
  onBehalfOfTitle: string | null,
  ownTitle: string,
): string[] {
  const acting = delegation && officialTitle ? `${delegation === DelegationKind.PLH ? 'Plh.' : 'Plt.'} ${officialTitle}` : null;
  if (onBehalfOfTitle) return [`a.n. ${onBehalfOfTitle}`, acting ?? ownTitle];
  return [acting ?? ownTitle];
}

/** The footer of every page of a signed letter: that it is signed electronically, and where to check it. */
export function signedFooter(verificationUrl: string, signer: 'local-p12' | 'bsre'): string {
  const issuer = signer === 'bsre' ? ' yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN' : '';
  return `Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik${issuer}. Keasliannya dapat diperiksa di ${verificationUrl} atau dengan memindai kode QR.`;
}
