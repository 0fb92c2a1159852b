import type { Message } from '@gesit/platform';

/** A letter as a notice names it. CONFIDENTIAL and SECRET letters: the subject (and the note) stay out. */
export interface NoticeLetter {
  number: string | null;
  agendaNumber: string | null;
  subject: string;
  classified: boolean;
}

export const WORK_NOTICE_KINDS = [
  'disposition.received',
  'assignment.withdrawn',
  'approval.waiting',
  'approval.returned',
  'approval.rejected',
  'letter.signed',
] as const;
export type WorkNoticeKind = (typeof WORK_NOTICE_KINDS)[number];

export interface WorkNoticeText {
  kind: WorkNoticeKind;
  title: string;
  body: string;
  /** The English twin, shown to a client that asks for English. */
  titleEn: string;
  bodyEn: string;
}

const reference = (l: NoticeLetter): string => l.number ?? l.agendaNumber ?? 'tanpa nomor';

/** "surat nomor 005/12/2026 perihal "Undangan rapat"", or "(bersifat rahasia)" in place of the subject. */
function letterName(l: NoticeLetter): string {
  return l.classified ? `surat nomor ${reference(l)} (bersifat rahasia)` : `surat nomor ${reference(l)} perihal "${l.subject}"`;
}

/** A draft has no number yet: it is named by its subject, unless classified. */
const draftName = (l: NoticeLetter): string => (l.classified ? 'konsep surat (bersifat rahasia)' : `konsep surat perihal "${l.subject}"`);

const referenceEn = (l: NoticeLetter): string => l.number ?? l.agendaNumber ?? 'no number';

function letterNameEn(l: NoticeLetter): string {
  return l.classified ? `letter number ${referenceEn(l)} (classified)` : `letter number ${referenceEn(l)} about "${l.subject}"`;
}

const draftNameEn = (l: NoticeLetter): string => (l.classified ? 'draft letter (classified)' : `draft letter about "${l.subject}"`);

const addressedEn = (forOfficial: string | null | undefined): string =>
  forOfficial ? `${forOfficial}, whom you stand in for as Plh/Plt` : 'you';

const capitalised = (s: string): string => `${s[0].toUpperCase()}${s.slice(1)}`;

/** Whom the work is for: the reader, or the official the reader acts for as Plh/Plt today. */
const addressed = (forOfficial: string | null | undefined): string =>
  forOfficial ? `${forOfficial}, yang sedang Anda wakili sebagai Plh/Plt` : 'Anda';

/** "Budi" or "Budi atas nama Ani" when someone acted in an official's name. */
export const actorName = (actor: string, actingFor: string | null): Message =>
  actingFor ? { id: `${actor} atas nama ${actingFor}`, en: `${actor} on behalf of ${actingFor}` } : { id: actor, en: actor };

/** A person as a notice names them: a name reads the same in both languages; "X atas nama Y" does not. */
export type Named = string | Message;
const nameId = (n: Named): string => (typeof n === 'string' ? n : n.id);
const nameEn = (n: Named): string => (typeof n === 'string' ? n : n.en);

export interface DispositionReceived {
  letter: NoticeLetter;
  /** Set when the notice goes to the Plh/Plt acting for the assignee today: the official's name. */
  forOfficial?: string | null;
  from: Named;
  /** Instructions as people read them, e.g. 'Tindak lanjuti'. */
  instructions: string[];
  note: string | null;
  /** The due time in the recipient's zone, e.g. '3 Des 2026, 16.00 WIB'. */
  dueLocal: string;
  /** The same in English, e.g. 'Follow up' and '3 Dec 2026, 16:00 WIB'; the Indonesian ones stand in when absent. */
  instructionsEn?: string[];
  dueLocalEn?: string;
}

export function dispositionReceivedText(d: DispositionReceived): WorkNoticeText {
  const instructions = d.instructions.length ? ` Instruksi: ${d.instructions.join(', ')}.` : '';
  const note = d.note && !d.letter.classified ? ` Catatan: "${d.note}".` : '';
  return {
    kind: 'disposition.received',
    title: d.forOfficial
      ? `Disposisi baru untuk ${d.forOfficial} dari ${nameId(d.from)}: ${reference(d.letter)}`
      : `Disposisi baru dari ${nameId(d.from)}: ${reference(d.letter)}`,
    body:
      `${nameId(d.from)} mendisposisikan ${letterName(d.letter)} kepada ${addressed(d.forOfficial)}.${instructions}${note} ` +
      `Batas waktu: ${d.dueLocal}. Silakan baca dan tindak lanjuti di Gesit.`,
    titleEn: d.forOfficial
      ? `New disposition for ${d.forOfficial} from ${nameEn(d.from)}: ${referenceEn(d.letter)}`
      : `New disposition from ${nameEn(d.from)}: ${referenceEn(d.letter)}`,
    bodyEn:
      `${nameEn(d.from)} disposed ${letterNameEn(d.letter)} to ${addressedEn(d.forOfficial)}.` +
      `${d.instructions.length ? ` Instructions: ${(d.instructionsEn ?? d.instructions).join(', ')}.` : ''}` +
      `${d.note && !d.letter.classified ? ` Note: "${d.note}".` : ''} Due: ${d.dueLocalEn ?? d.dueLocal}. Please read it and follow it up in Gesit.`,
  };
}

export function assignmentWithdrawnText(d: { letter: NoticeLetter; from: Named }): WorkNoticeText {
  return {
    kind: 'assignment.withdrawn',
    title: `Disposisi ditarik kembali: ${reference(d.letter)}`,
    body: `${nameId(d.from)} menarik kembali disposisi ${letterName(d.letter)} kepada Anda. Anda tidak perlu menindaklanjutinya lagi.`,
    titleEn: `Disposition withdrawn: ${referenceEn(d.letter)}`,
    bodyEn: `${nameEn(d.from)} withdrew the disposition of ${letterNameEn(d.letter)} to you. You no longer need to follow it up.`,
  };
}

export interface ApprovalWaiting {
  letter: NoticeLetter;
  /** Set when the notice goes to the Plh/Plt acting for the approver today: the official's name. */
  forOfficial?: string | null;
  step: 'REVIEW' | 'SIGN';
  drafter: string;
  /** Null when the step has no SLA. */
  dueLocal: string | null;
  /** The same in English; the Indonesian one stands in when absent. */
  dueLocalEn?: string | null;
}

export function approvalWaitingText(d: ApprovalWaiting): WorkNoticeText {
  const what = d.step === 'SIGN' ? 'tanda tangan' : 'paraf';
  const until = d.dueLocal ? ` sampai ${d.dueLocal}` : '';
  const whatEn = d.step === 'SIGN' ? 'signature' : 'review';
  const untilEn = d.dueLocal ? ` until ${d.dueLocalEn ?? d.dueLocal}` : '';
  return {
    kind: 'approval.waiting',
    title: `Menunggu ${what} ${d.forOfficial ?? 'Anda'}: ${d.letter.classified ? 'konsep surat bersifat rahasia' : d.letter.subject}`,
    body: `${capitalised(draftName(d.letter))} dari ${d.drafter} menunggu ${what} ${addressed(d.forOfficial)}${until}. Mohon setujui, kembalikan atau tolak di Gesit.`,
    titleEn: `Waiting for ${whatEn} by ${d.forOfficial ?? 'you'}: ${d.letter.classified ? 'classified draft letter' : d.letter.subject}`,
    bodyEn: `${capitalised(draftNameEn(d.letter))} from ${d.drafter} is waiting for ${whatEn} by ${addressedEn(d.forOfficial)}${untilEn}. Please approve, return or reject it in Gesit.`,
  };
}

export interface ApprovalDecidedNotice {
  letter: NoticeLetter;
  by: Named;
  comment: string | null;
}

const commentOf = (d: ApprovalDecidedNotice, label: string): string => (d.comment ? ` ${label}: "${d.comment}".` : '');

export function approvalReturnedText(d: ApprovalDecidedNotice): WorkNoticeText {
  return {
    kind: 'approval.returned',
    title: `Konsep surat dikembalikan oleh ${nameId(d.by)}`,
    body:
      `${nameId(d.by)} mengembalikan ${draftName(d.letter)} kepada Anda untuk diperbaiki.${commentOf(d, 'Catatan')} ` +
      'Unggah revisinya di Gesit; persetujuan dimulai lagi dari pemeriksa pertama.',
    titleEn: `Draft letter returned by ${nameEn(d.by)}`,
    bodyEn:
      `${nameEn(d.by)} returned ${draftNameEn(d.letter)} to you for revision.${commentOf(d, 'Note')} ` +
      'Upload the revision in Gesit; approval starts again from the first reviewer.',
  };
}

export function approvalRejectedText(d: ApprovalDecidedNotice): WorkNoticeText {
  return {
    kind: 'approval.rejected',
    title: `Konsep surat ditolak oleh ${nameId(d.by)}`,
    body: `${nameId(d.by)} menolak ${draftName(d.letter)}.${commentOf(d, 'Alasan')} Konsep ini tidak dilanjutkan.`,
    titleEn: `Draft letter rejected by ${nameEn(d.by)}`,
    bodyEn: `${nameEn(d.by)} rejected ${draftNameEn(d.letter)}.${commentOf(d, 'Reason')} This draft will not go further.`,
  };
}

export function letterSignedForDrafterText(d: { letter: NoticeLetter; signer: Named; sent: boolean }): WorkNoticeText {
  return {
    kind: 'letter.signed',
    title: `Surat Anda telah ditandatangani: ${reference(d.letter)}`,
    body:
      `${capitalised(draftName(d.letter))} telah ditandatangani oleh ${nameId(d.signer)} dengan nomor ${reference(d.letter)}` +
      `${d.sent ? ' dan telah dikirim kepada penerima di Gesit' : ''}.`,
    titleEn: `Your letter has been signed: ${referenceEn(d.letter)}`,
    bodyEn:
      `${capitalised(draftNameEn(d.letter))} has been signed by ${nameEn(d.signer)} with number ${referenceEn(d.letter)}` +
      `${d.sent ? ' and sent to its recipients in Gesit' : ''}.`,
  };
}

export function letterSignedForRecipientText(d: { letter: NoticeLetter; signer: Named }): WorkNoticeText {
  return {
    kind: 'letter.signed',
    title: `Surat masuk dari ${nameId(d.signer)}: ${reference(d.letter)}`,
    body: `${capitalised(letterName(d.letter))} yang ditandatangani ${nameId(d.signer)} telah masuk ke kotak masuk Anda di Gesit.`,
    titleEn: `Incoming letter from ${nameEn(d.signer)}: ${referenceEn(d.letter)}`,
    bodyEn: `${capitalised(letterNameEn(d.letter))} signed by ${nameEn(d.signer)} has arrived in your Gesit inbox.`,
  };
}
