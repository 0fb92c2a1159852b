import { localTime } from '@gesit/calendar';
import type { DelegationNotice } from '@gesit/identity';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';

export const DELEGATION_NOTICE_KIND = 'delegation.created';

function window(d: DelegationNotice, timeZone: string | null): string {
  const zone = timeZone ?? DEFAULT_TIME_ZONE;
  return `${localTime(d.startsAt, zone)} s.d. ${localTime(d.endsAt, zone)}`;
}

const byWhom = (d: DelegationNotice, recipientId: string): string =>
  d.createdBy.id === recipientId ? 'oleh Anda sendiri' : `oleh ${d.createdBy.name}`;
const reason = (d: DelegationNotice): string => (d.reason ? ` Alasan: ${d.reason}.` : '');

function windowEn(d: DelegationNotice, timeZone: string | null): string {
  const zone = timeZone ?? DEFAULT_TIME_ZONE;
  return `${localTime(d.startsAt, zone, 'en')} to ${localTime(d.endsAt, zone, 'en')}`;
}
const byWhomEn = (d: DelegationNotice, recipientId: string): string =>
  d.createdBy.id === recipientId ? 'by yourself' : `by ${d.createdBy.name}`;
const reasonEn = (d: DelegationNotice): string => (d.reason ? ` Reason: ${d.reason}.` : '');

type DelegationNoticeText = { kind: string; title: string; body: string; titleEn: string; bodyEn: string };

/** To the official: who acts in their name, from when to when, and who appointed them; in Indonesian, naming people, never ids. */
export function officialNoticeText(d: DelegationNotice): DelegationNoticeText {
  return {
    kind: DELEGATION_NOTICE_KIND,
    title: `${d.appointee.name} ditunjuk sebagai ${d.kind === 'PLH' ? 'Plh' : 'Plt'} Anda`,
    body:
      `${d.appointee.name} ditunjuk ${byWhom(d, d.official.id)} sebagai ${d.kind === 'PLH' ? 'Plh' : 'Plt'} Anda ` +
      `untuk ${window(d, d.official.timeZone)}. Selama itu ia dapat membaca dan menindaklanjuti surat yang ditujukan kepada Anda, ` +
      `termasuk yang bersifat rahasia.${reason(d)} Jika Anda tidak mengetahui penunjukan ini, segera cabut di Gesit dan hubungi atasan Anda.`,
    titleEn: `${d.appointee.name} is appointed as your ${d.kind === 'PLH' ? 'Plh' : 'Plt'}`,
    bodyEn:
      `${d.appointee.name} is appointed ${byWhomEn(d, d.official.id)} as your ${d.kind === 'PLH' ? 'Plh' : 'Plt'} ` +
      `for ${windowEn(d, d.official.timeZone)}. Meanwhile they can read and follow up the letters addressed to you, ` +
      `classified ones included.${reasonEn(d)} If you do not know of this appointment, revoke it in Gesit now and contact your superior.`,
  };
}

/** To the appointee: whose Plh/Plt they are, from when to when, and who appointed them. */
export function appointeeNoticeText(d: DelegationNotice): DelegationNoticeText {
  return {
    kind: DELEGATION_NOTICE_KIND,
    title: `Anda ditunjuk sebagai ${d.kind === 'PLH' ? 'Plh' : 'Plt'} ${d.official.name}`,
    body:
      `Anda ditunjuk ${byWhom(d, d.appointee.id)} sebagai ${d.kind === 'PLH' ? 'Plh' : 'Plt'} ${d.official.name} ` +
      `untuk ${window(d, d.appointee.timeZone)}.${reason(d)} Pilih "bertindak atas nama" ${d.official.name} di Gesit untuk menindaklanjuti suratnya; ` +
      'setiap pembacaan surat rahasia atas nama beliau dicatat.',
    titleEn: `You are appointed as ${d.kind === 'PLH' ? 'Plh' : 'Plt'} of ${d.official.name}`,
    bodyEn:
      `You are appointed ${byWhomEn(d, d.appointee.id)} as ${d.kind === 'PLH' ? 'Plh' : 'Plt'} of ${d.official.name} ` +
      `for ${windowEn(d, d.appointee.timeZone)}.${reasonEn(d)} Choose "act on behalf of" ${d.official.name} in Gesit to follow up their letters; ` +
      'every reading of a classified letter on their behalf is recorded.',
  };
}
