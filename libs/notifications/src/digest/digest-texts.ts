import { localTime } from '@gesit/calendar';
export const DIGEST_KIND = 'digest.daily';
export const DIGEST_EXAMPLES = 5;

export type DigestCategory = 'new' | 'dueToday' | 'overdue';

export interface DigestExample {
  /** A CONFIDENTIAL or SECRET letter the leader may not read: counted, but neither its number nor its holder is named. */
  hidden: boolean;
  letterNumber: string | null;
  agendaNumber: string | null;
  /** Null for CONFIDENTIAL and SECRET letters: their subject stays out of notifications. */
  subject: string | null;
  assigneeName: string | null;
  dueAt: Date;
}

export interface DigestContent {
  /** The leader's local date, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  /** Start of the "new" window. */
  newSince: Date;
  counts: Record<DigestCategory, number>;
  examples: Record<DigestCategory, DigestExample[]>;
}

const HEADINGS: Record<DigestCategory, string> = { new: 'Baru', dueToday: 'Jatuh tempo hari ini', overdue: 'Terlambat' };
const HEADINGS_EN: Record<DigestCategory, string> = { new: 'New', dueToday: 'Due today', overdue: 'Overdue' };
const ORDER: DigestCategory[] = ['new', 'dueToday', 'overdue'];

function longDate(date: string, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function exampleLine(e: DigestExample, timeZone: string): string {
  if (e.hidden) return `- surat bersifat rahasia (Anda tidak berhak membacanya), jatuh tempo ${localTime(e.dueAt, timeZone)}`;
  const number = e.letterNumber ?? e.agendaNumber ?? 'tanpa nomor';
  const about = e.subject === null ? ' (bersifat rahasia)' : ` perihal "${e.subject}"`;
  return `- ${number}${about}, kepada ${e.assigneeName}, jatuh tempo ${localTime(e.dueAt, timeZone)}`;
}

function exampleLineEn(e: DigestExample, timeZone: string): string {
  if (e.hidden) return `- a classified letter (you may not read it), due ${localTime(e.dueAt, timeZone, 'en')}`;
  const number = e.letterNumber ?? e.agendaNumber ?? 'no number';
  const about = e.subject === null ? ' (classified)' : ` about "${e.subject}"`;
  return `- ${number}${about}, to ${e.assigneeName}, due ${localTime(e.dueAt, timeZone, 'en')}`;
}

export function digestSummary(counts: Record<DigestCategory, number>): string {
  return ORDER.map((c) => `${HEADINGS[c]}: ${counts[c]}`).join(' · ');
}

/** The daily digest of a leader, in Indonesian and English: the counts, then up to five examples per category. */
export function digestText(d: DigestContent): { kind: string; title: string; body: string; titleEn: string; bodyEn: string } {
  const sections = ORDER.filter((c) => d.counts[c] > 0).map((c) => {
    const heading = c === 'new' ? `Baru (sejak ${localTime(d.newSince, d.timeZone)})` : HEADINGS[c];
    const lines = d.examples[c].map((e) => exampleLine(e, d.timeZone));
    const more = d.counts[c] - d.examples[c].length;
    if (more > 0) lines.push(`- dan ${more} lainnya`);
    return `${heading}:\n${lines.join('\n')}`;
  });
  const sectionsEn = ORDER.filter((c) => d.counts[c] > 0).map((c) => {
    const heading = c === 'new' ? `New (since ${localTime(d.newSince, d.timeZone, 'en')})` : HEADINGS_EN[c];
    const lines = d.examples[c].map((e) => exampleLineEn(e, d.timeZone));
    const more = d.counts[c] - d.examples[c].length;
    if (more > 0) lines.push(`- and ${more} more`);
    return `${heading}:\n${lines.join('\n')}`;
  });
  return {
    kind: DIGEST_KIND,
    title: `Ringkasan harian disposisi, ${longDate(d.date)}`,
    body: [
      `Disposisi di unit dan bawahan Anda. ${digestSummary(d.counts)}`,
      ...sections,
      'Buka Gesit untuk melihat rinciannya dan memberi arahan kepada yang bersangkutan.',
    ].join('\n\n'),
    titleEn: `Daily disposition digest, ${longDate(d.date, 'en-GB')}`,
    bodyEn: [
      `Dispositions in your unit and below. ${ORDER.map((c) => `${HEADINGS_EN[c]}: ${d.counts[c]}`).join(' · ')}`,
      ...sectionsEn,
      'Open Gesit to see the details and give direction to those concerned.',
    ].join('\n\n'),
  };
}
