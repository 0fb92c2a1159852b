export interface ReminderSubject {
  letterNumber: string | null;
  agendaNumber: string | null;
  subject: string;
  /** CONFIDENTIAL and SECRET letters: the subject stays out of notifications and e-mails. */
  classified: boolean;
  /** The due time as the recipient reads it, e.g. '18 Agu 2026 14.30 WIT', and in English ('18 Aug 2026, 14:30 WIT'). */
  dueLocal: string;
  dueLocalEn: string;
}

export interface NotificationText {
  kind:
    'assignment.due-soon' | 'assignment.overdue' | 'assignment.escalated' | 'approval.due-soon' | 'approval.overdue' | 'approval.escalated';
  title: string;
  body: string;
  /** The English twin, shown to a client that asks for English. */
  titleEn: string;
  bodyEn: string;
}

function letterNameEn(s: ReminderSubject): string {
  const number = s.letterNumber ?? s.agendaNumber ?? 'no number';
  return s.classified ? `letter number ${number} (classified)` : `letter number ${number} about "${s.subject}"`;
}

function letterName(s: ReminderSubject): string {
  const number = s.letterNumber ?? s.agendaNumber ?? 'tanpa nomor';
  return s.classified ? `surat nomor ${number} (bersifat rahasia)` : `surat nomor ${number} perihal "${s.subject}"`;
}

/** Texts in Indonesian that name the letter, the due time in the recipient's zone and what to do. */
export function dueSoonText(s: ReminderSubject): NotificationText {
  return {
    kind: 'assignment.due-soon',
    title: `Segera jatuh tempo: ${s.letterNumber ?? s.agendaNumber ?? 'disposisi'}`,
    body: `Disposisi ${letterName(s)} jatuh tempo pada ${s.dueLocal}. Mohon ditindaklanjuti dan laporkan penyelesaiannya di Gesit sebelum batas waktu.`,
    titleEn: `Due soon: ${s.letterNumber ?? s.agendaNumber ?? 'disposition'}`,
    bodyEn: `The disposition of ${letterNameEn(s)} is due on ${s.dueLocalEn}. Please follow it up and report its completion in Gesit before then.`,
  };
}

export function overdueText(s: ReminderSubject): NotificationText {
  return {
    kind: 'assignment.overdue',
    title: `Terlambat: ${s.letterNumber ?? s.agendaNumber ?? 'disposisi'}`,
    body: `Disposisi ${letterName(s)} telah melewati batas waktu ${s.dueLocal}. Mohon segera diselesaikan; atasan Anda telah diberi tahu.`,
    titleEn: `Overdue: ${s.letterNumber ?? s.agendaNumber ?? 'disposition'}`,
    bodyEn: `The disposition of ${letterNameEn(s)} passed its due time ${s.dueLocalEn}. Please complete it now; your superior has been told.`,
  };
}

export function escalationText(s: ReminderSubject, assigneeName: string, level: number): NotificationText {
  return {
    kind: 'assignment.escalated',
    title: `Eskalasi tingkat ${level}: ${s.letterNumber ?? s.agendaNumber ?? 'disposisi'}`,
    body: `Disposisi ${letterName(s)} kepada ${assigneeName} belum selesai dan telah melewati batas waktu ${s.dueLocal}. Mohon dipantau dan diberi arahan.`,
    titleEn: `Escalation level ${level}: ${s.letterNumber ?? s.agendaNumber ?? 'disposition'}`,
    bodyEn: `The disposition of ${letterNameEn(s)} to ${assigneeName} is not done and passed its due time ${s.dueLocalEn}. Please follow it and give direction.`,
  };
}

/**
 * An escalation to a superior who may not read the CONFIDENTIAL or SECRET letter: that something below
 * them is late, naming no letter (no number, no subject) and nobody who holds it.
 */
export function restrictedEscalationText(level: number, dueLocal: string, dueLocalEn: string): NotificationText {
  return {
    kind: 'assignment.escalated',
    title: `Eskalasi tingkat ${level}: disposisi surat bersifat rahasia`,
    body: `Sebuah disposisi surat bersifat rahasia di lingkungan Anda belum selesai dan telah melewati batas waktu ${dueLocal}. Anda tidak termasuk yang berhak membaca surat tersebut; mintalah pejabat yang mendisposisikannya untuk menindaklanjuti.`,
    titleEn: `Escalation level ${level}: disposition of a classified letter`,
    bodyEn: `A disposition of a classified letter in your area is not done and passed its due time ${dueLocalEn}. You are not among those who may read the letter; ask the official who disposed it to follow it up.`,
  };
}

export interface ApprovalSubject {
  subject: string;
  classified: boolean;
  /** 'paraf' for a review step, 'tanda tangan' for the signature. */
  step: 'REVIEW' | 'SIGN';
  dueLocal: string;
  dueLocalEn: string;
}

const draftName = (s: ApprovalSubject): string =>
  s.classified ? 'konsep surat (bersifat rahasia)' : `konsep surat perihal "${s.subject}"`;
const stepName = (s: ApprovalSubject): string => (s.step === 'SIGN' ? 'tanda tangan' : 'paraf');
const draftNameEn = (s: ApprovalSubject): string => (s.classified ? 'draft letter (classified)' : `draft letter about "${s.subject}"`);
const stepNameEn = (s: ApprovalSubject): string => (s.step === 'SIGN' ? 'signature' : 'review');
const capitalised = (text: string): string => `${text[0].toUpperCase()}${text.slice(1)}`;

export function approvalDueSoonText(s: ApprovalSubject): NotificationText {
  return {
    kind: 'approval.due-soon',
    title: `Menunggu ${stepName(s)} Anda`,
    body: `${draftName(s)[0].toUpperCase()}${draftName(s).slice(1)} menunggu ${stepName(s)} Anda sampai ${s.dueLocal}. Mohon setujui, kembalikan atau tolak di Gesit.`,
    titleEn: `Waiting for your ${stepNameEn(s)}`,
    bodyEn: `${capitalised(draftNameEn(s))} is waiting for your ${stepNameEn(s)} until ${s.dueLocalEn}. Please approve, return or reject it in Gesit.`,
  };
}

export function approvalOverdueText(s: ApprovalSubject): NotificationText {
  return {
    kind: 'approval.overdue',
    title: `Terlambat: ${stepName(s)} konsep surat`,
    body: `Batas waktu ${stepName(s)} ${draftName(s)} (${s.dueLocal}) telah lewat. Mohon segera diputuskan; atasan Anda telah diberi tahu.`,
    titleEn: `Overdue: ${stepNameEn(s)} of a draft letter`,
    bodyEn: `The due time for the ${stepNameEn(s)} of ${draftNameEn(s)} (${s.dueLocalEn}) has passed. Please decide now; your superior has been told.`,
  };
}

export function approvalEscalationText(s: ApprovalSubject, approverName: string): NotificationText {
  return {
    kind: 'approval.escalated',
    title: `Eskalasi: ${stepName(s)} konsep surat tertunda`,
    body: `${stepName(s)[0].toUpperCase()}${stepName(s).slice(1)} ${draftName(s)} oleh ${approverName} telah melewati batas waktu ${s.dueLocal}. Mohon dipantau.`,
    titleEn: `Escalation: ${stepNameEn(s)} of a draft letter is late`,
    bodyEn: `The ${stepNameEn(s)} of ${draftNameEn(s)} by ${approverName} passed its due time ${s.dueLocalEn}. Please follow it.`,
  };
}

/** `approvalEscalationText` for a superior who may not read the draft: no subject, no approver. */
export function restrictedApprovalEscalationText(s: ApprovalSubject): NotificationText {
  return {
    kind: 'approval.escalated',
    title: `Eskalasi: ${stepName(s)} konsep surat bersifat rahasia tertunda`,
    body: `${stepName(s)[0].toUpperCase()}${stepName(s).slice(1)} sebuah konsep surat bersifat rahasia di lingkungan Anda telah melewati batas waktu ${s.dueLocal}. Anda tidak termasuk yang berhak membacanya; mintalah penyusunnya untuk menindaklanjuti.`,
    titleEn: `Escalation: ${stepNameEn(s)} of a classified draft letter is late`,
    bodyEn: `The ${stepNameEn(s)} of a classified draft letter in your area passed its due time ${s.dueLocalEn}. You are not among those who may read it; ask its drafter to follow it up.`,
  };
}
