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
}

const reference = (l: NoticeLetter): string => l.number ?? l.agendaNumber ?? 'tanpa nomor';

/** "surat nomor 005/12/2026 perihal "Undangan rapat"", or "(bersifat rahasia)" in place of the subject. */
function letterName(l: NoticeLetter): string {
  return l.classified ? `surat nomor ${reference(l)} (bersifat rahasia)` : `surat nomor ${reference(l)} perihal "${l.subject}"`;
}

/** A draft has no number yet: it is named by its subject, unless classified. */
const draftName = (l: NoticeLetter): string => (l.classified ? 'konsep surat (bersifat rahasia)' : `konsep surat perihal "${l.subject}"`);

const capitalised = (s: string): string => `${s[0].toUpperCase()}${s.slice(1)}`;

/** Whom the work is for: the reader, or the official the reader acts for as Plh/Plt today. */
const addressed = (forOfficial: string | null | undefined): string =>
  forOfficial ? `${forOfficial}, yang sedang Anda wakili sebagai Plh/Plt` : 'Anda';

/** "Budi" or "Budi atas nama Ani" when someone acted in an official's name. */
export const actorName = (actor: string, actingFor: string | null): string => (actingFor ? `${actor} atas nama ${actingFor}` : actor);

export interface DispositionReceived {
  letter: NoticeLetter;
  /** Set when the notice goes to the Plh/Plt acting for the assignee today: the official's name. */
  forOfficial?: string | null;
  from: string;
  /** Instructions as people read them, e.g. 'Tindak lanjuti'. */
  instructions: string[];
  note: string | null;
  /** The due time in the recipient's zone, e.g. '3 Des 2026, 16.00 WIB'. */
  dueLocal: string;
}

export function dispositionReceivedText(d: DispositionReceived): WorkNoticeText {
  const instructions = d.instructions.length ? ` Instruksi: ${d.instructions.join(', ')}.` : '';
  const note = d.note && !d.letter.classified ? ` Catatan: "${d.note}".` : '';
  return {
    kind: 'disposition.received',
    title: d.forOfficial
      ? `Disposisi baru untuk ${d.forOfficial} dari ${d.from}: ${reference(d.letter)}`
      : `Disposisi baru dari ${d.from}: ${reference(d.letter)}`,
    body:
      `${d.from} mendisposisikan ${letterName(d.letter)} kepada ${addressed(d.forOfficial)}.${instructions}${note} ` +
      `Batas waktu: ${d.dueLocal}. Silakan baca dan tindak lanjuti di Gesit.`,
  };
}

export function assignmentWithdrawnText(d: { letter: NoticeLetter; from: string }): WorkNoticeText {
  return {
    kind: 'assignment.withdrawn',
    title: `Disposisi ditarik kembali: ${reference(d.letter)}`,
    body: `${d.from} menarik kembali disposisi ${letterName(d.letter)} kepada Anda. Anda tidak perlu menindaklanjutinya lagi.`,
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
}

export function approvalWaitingText(d: ApprovalWaiting): WorkNoticeText {
  const what = d.step === 'SIGN' ? 'tanda tangan' : 'paraf';
  const until = d.dueLocal ? ` sampai ${d.dueLocal}` : '';
  return {
    kind: 'approval.waiting',
    title: `Menunggu ${what} ${d.forOfficial ?? 'Anda'}: ${d.letter.classified ? 'konsep surat bersifat rahasia' : d.letter.subject}`,
    body: `${capitalised(draftName(d.letter))} dari ${d.drafter} menunggu ${what} ${addressed(d.forOfficial)}${until}. Mohon setujui, kembalikan atau tolak di Gesit.`,
  };
}

export interface ApprovalDecidedNotice {
  letter: NoticeLetter;
  by: string;
  comment: string | null;
}

const commentOf = (d: ApprovalDecidedNotice, label: string): string => (d.comment ? ` ${label}: "${d.comment}".` : '');

export function approvalReturnedText(d: ApprovalDecidedNotice): WorkNoticeText {
  return {
    kind: 'approval.returned',
    title: `Konsep surat dikembalikan oleh ${d.by}`,
    body:
      `${d.by} mengembalikan ${draftName(d.letter)} kepada Anda untuk diperbaiki.${commentOf(d, 'Catatan')} ` +
      'Unggah revisinya di Gesit; persetujuan dimulai lagi dari pemeriksa pertama.',
  };
}

export function approvalRejectedText(d: ApprovalDecidedNotice): WorkNoticeText {
  return {
    kind: 'approval.rejected',
    title: `Konsep surat ditolak oleh ${d.by}`,
    body: `${d.by} menolak ${draftName(d.letter)}.${commentOf(d, 'Alasan')} Konsep ini tidak dilanjutkan.`,
  };
}

export function letterSignedForDrafterText(d: { letter: NoticeLetter; signer: string; sent: boolean }): WorkNoticeText {
  return {
    kind: 'letter.signed',
    title: `Surat Anda telah ditandatangani: ${reference(d.letter)}`,
    body:
      `${capitalised(draftName(d.letter))} telah ditandatangani oleh ${d.signer} dengan nomor ${reference(d.letter)}` +
      `${d.sent ? ' dan telah dikirim kepada penerima di Gesit' : ''}.`,
  };
}

export function letterSignedForRecipientText(d: { letter: NoticeLetter; signer: string }): WorkNoticeText {
  return {
    kind: 'letter.signed',
    title: `Surat masuk dari ${d.signer}: ${reference(d.letter)}`,
    body: `${capitalised(letterName(d.letter))} yang ditandatangani ${d.signer} telah masuk ke kotak masuk Anda di Gesit.`,
  };
}
