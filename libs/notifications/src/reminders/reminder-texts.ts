export interface ReminderSubject {
  letterNumber: string | null;
  agendaNumber: string | null;
  subject: string;
  /** CONFIDENTIAL and SECRET letters: the subject stays out of notifications and e-mails. */
  classified: boolean;
  /** The due time as the recipient reads it, e.g. '18 Agu 2026 14.30 WIT'. */
  dueLocal: string;
}

export interface NotificationText {
  kind:
    'assignment.due-soon' | 'assignment.overdue' | 'assignment.escalated' | 'approval.due-soon' | 'approval.overdue' | 'approval.escalated';
  title: string;
  body: string;
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
  };
}

export function overdueText(s: ReminderSubject): NotificationText {
  return {
    kind: 'assignment.overdue',
    title: `Terlambat: ${s.letterNumber ?? s.agendaNumber ?? 'disposisi'}`,
    body: `Disposisi ${letterName(s)} telah melewati batas waktu ${s.dueLocal}. Mohon segera diselesaikan; atasan Anda telah diberi tahu.`,
  };
}

export function escalationText(s: ReminderSubject, assigneeName: string, level: number): NotificationText {
  return {
    kind: 'assignment.escalated',
    title: `Eskalasi tingkat ${level}: ${s.letterNumber ?? s.agendaNumber ?? 'disposisi'}`,
    body: `Disposisi ${letterName(s)} kepada ${assigneeName} belum selesai dan telah melewati batas waktu ${s.dueLocal}. Mohon dipantau dan diberi arahan.`,
  };
}

/**
 * An escalation to a superior who may not read the CONFIDENTIAL or SECRET letter: that something below
 * them is late, naming no letter (no number, no subject) and nobody who holds it.
 */
export function restrictedEscalationText(level: number, dueLocal: string): NotificationText {
  return {
    kind: 'assignment.escalated',
    title: `Eskalasi tingkat ${level}: disposisi surat bersifat rahasia`,
    body: `Sebuah disposisi surat bersifat rahasia di lingkungan Anda belum selesai dan telah melewati batas waktu ${dueLocal}. Anda tidak termasuk yang berhak membaca surat tersebut; mintalah pejabat yang mendisposisikannya untuk menindaklanjuti.`,
  };
}

export interface ApprovalSubject {
  subject: string;
  classified: boolean;
  /** 'paraf' for a review step, 'tanda tangan' for the signature. */
  step: 'REVIEW' | 'SIGN';
  dueLocal: string;
}

const draftName = (s: ApprovalSubject): string =>
  s.classified ? 'konsep surat (bersifat rahasia)' : `konsep surat perihal "${s.subject}"`;
const stepName = (s: ApprovalSubject): string => (s.step === 'SIGN' ? 'tanda tangan' : 'paraf');

export function approvalDueSoonText(s: ApprovalSubject): NotificationText {
  return {
    kind: 'approval.due-soon',
    title: `Menunggu ${stepName(s)} Anda`,
    body: `${draftName(s)[0].toUpperCase()}${draftName(s).slice(1)} menunggu ${stepName(s)} Anda sampai ${s.dueLocal}. Mohon setujui, kembalikan atau tolak di Gesit.`,
  };
}

export function approvalOverdueText(s: ApprovalSubject): NotificationText {
  return {
    kind: 'approval.overdue',
    title: `Terlambat: ${stepName(s)} konsep surat`,
    body: `Batas waktu ${stepName(s)} ${draftName(s)} (${s.dueLocal}) telah lewat. Mohon segera diputuskan; atasan Anda telah diberi tahu.`,
  };
}

export function approvalEscalationText(s: ApprovalSubject, approverName: string): NotificationText {
  return {
    kind: 'approval.escalated',
    title: `Eskalasi: ${stepName(s)} konsep surat tertunda`,
    body: `${stepName(s)[0].toUpperCase()}${stepName(s).slice(1)} ${draftName(s)} oleh ${approverName} telah melewati batas waktu ${s.dueLocal}. Mohon dipantau.`,
  };
}

/** `approvalEscalationText` for a superior who may not read the draft: no subject, no approver. */
export function restrictedApprovalEscalationText(s: ApprovalSubject): NotificationText {
  return {
    kind: 'approval.escalated',
    title: `Eskalasi: ${stepName(s)} konsep surat bersifat rahasia tertunda`,
    body: `${stepName(s)[0].toUpperCase()}${stepName(s).slice(1)} sebuah konsep surat bersifat rahasia di lingkungan Anda telah melewati batas waktu ${s.dueLocal}. Anda tidak termasuk yang berhak membacanya; mintalah penyusunnya untuk menindaklanjuti.`,
  };
}
