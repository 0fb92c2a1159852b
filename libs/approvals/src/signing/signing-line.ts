import { DelegationKind } from '@gesit/identity';

/**
 * The line above the signer's title: 'a.n. Kepala Dinas' when the signer signs in the name of an
 * official above them (atas nama), 'Plh. Kepala Dinas' / 'Plt. …' when a Plh/Plt signs for the
 * official, both when both apply; nothing when the official signs in person and in their own name.
 */
export function signingLine(
  delegation: DelegationKind | null,
  officialTitle: string | null,
  onBehalfOfTitle: string | null = null,
): string | undefined {
  const parts: string[] = [];
  if (onBehalfOfTitle) parts.push(`a.n. ${onBehalfOfTitle}`);
  if (delegation && officialTitle) parts.push(`${delegation === DelegationKind.PLH ? 'Plh.' : 'Plt.'} ${officialTitle}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** A date as printed on a letter, e.g. '27 November 2026', in the office's zone. */
export function printedDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}
