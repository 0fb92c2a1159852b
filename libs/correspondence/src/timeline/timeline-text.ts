import { localTime } from '@gesit/calendar';
import type { Language } from '@gesit/platform';
import { DispositionInstruction } from '../dispositions/disposition.enums';

/** A timeline row as the text needs it: the journal's `change` is kept with it as `details`. */
export interface TimelineFacts {
  action: string;
  actorId: string | null;
  actingForId: string | null;
  details: Record<string, unknown> | null;
}

const INSTRUCTIONS: Record<DispositionInstruction, { id: string; en: string }> = {
  FOLLOW_UP: { id: 'Tindak lanjuti', en: 'Follow up' },
  STUDY: { id: 'Pelajari', en: 'Study' },
  PREPARE_REPLY: { id: 'Siapkan jawaban', en: 'Prepare a reply' },
  GIVE_ADVICE: { id: 'Berikan saran', en: 'Give advice' },
  FOR_INFORMATION: { id: 'Untuk diketahui', en: 'For information' },
  ATTEND: { id: 'Hadiri', en: 'Attend' },
  COORDINATE: { id: 'Koordinasikan', en: 'Coordinate' },
  DISCUSS_WITH_ME: { id: 'Bicarakan dengan saya', en: 'Discuss with me' },
  PROCESS_PER_REGULATION: { id: 'Proses sesuai ketentuan', en: 'Process as the rules require' },
  FILE: { id: 'Arsipkan', en: 'File' },
};

/** An instruction as a person reads it, e.g. 'Tindak lanjuti'. */
export const instructionLabel = (instruction: DispositionInstruction, language: Language = 'id'): string =>
  INSTRUCTIONS[instruction]?.[language] ?? instruction;

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The people an event is about (besides its actor), as its details name them. */
export function peopleOf(facts: TimelineFacts): string[] {
  const d = facts.details ?? {};
  switch (facts.action) {
    case 'letter.registered':
      return ids(d.addresseeIds);
    case 'disposition.created':
      return Array.isArray(d.assignees) ? ids(d.assignees.map((a: { assigneeId?: unknown }) => a?.assigneeId)) : [];
    case 'disposition.withdrawn':
      return ids(d.assigneeIds);
    case 'letter.submitted':
      return Array.isArray(d.steps) ? ids(d.steps.map((s: { approverId?: unknown }) => s?.approverId)) : [];
    case 'approval.opened':
      return ids([d.approverId]);
    case 'letter.sent':
    case 'letter.drafted':
      return ids(d.recipientIds);
    default:
      return [];
  }
}

function list(names: string[], language: Language): string {
  if (names.length <= 1) return names[0] ?? (language === 'en' ? 'no one' : 'tidak seorang pun');
  const and = language === 'en' ? 'and' : 'dan';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/**
 * One readable sentence for a timeline row, e.g. "Disposisi dari Dr. Hendra Wijaya kepada Agus Setiawan:
 * Tindak lanjuti, batas 3 Des 2026, 16.00 WIB." `nameOf` gives a person's name; times are in `zone`.
 */
export function describeEvent(facts: TimelineFacts, nameOf: (id: string) => string, zone: string, language: Language): string {
  const en = language === 'en';
  const d = facts.details ?? {};
  const actor = facts.actorId ? nameOf(facts.actorId) : 'Gesit';
  const who = facts.actingForId
    ? en
      ? `${actor} (acting for ${nameOf(facts.actingForId)})`
      : `${actor} (bertindak untuk ${nameOf(facts.actingForId)})`
    : actor;
  const people = list(peopleOf(facts).map(nameOf), language);
  const due = (value: unknown): string | null => (text(value) ? localTime(new Date(value as string), zone, language) : null);
  switch (facts.action) {
    case 'letter.registered':
      return en
        ? `${who} registered the letter as agenda number ${text(d.agendaNumber) ?? '-'}, addressed to ${people}.`
        : `${who} mencatat surat dengan nomor agenda ${text(d.agendaNumber) ?? '-'}, ditujukan kepada ${people}.`;
    case 'disposition.created': {
      const instructions = ids(d.instructions)
        .map((i) => INSTRUCTIONS[i as DispositionInstruction]?.[language])
        .filter(Boolean);
      const dueAt = Array.isArray(d.assignees) ? due(d.assignees[0]?.dueAt) : null;
      const what = [instructions.join(', '), dueAt && (en ? `due ${dueAt}` : `batas ${dueAt}`)].filter(Boolean).join(', ');
      return en
        ? `Disposition from ${who} to ${people}${what ? `: ${what}` : ''}.`
        : `Disposisi dari ${who} kepada ${people}${what ? `: ${what}` : ''}.`;
    }
    case 'disposition.withdrawn':
      return en ? `${who} withdrew the disposition to ${people}.` : `${who} menarik kembali disposisi kepada ${people}.`;
    case 'assignment.read':
      return en ? `${who} read the disposition.` : `${who} membaca disposisi.`;
    case 'assignment.started':
      return en ? `${who} started working on the disposition.` : `${who} mulai menindaklanjuti disposisi.`;
    case 'assignment.completed':
      if (d.automatic) {
        return en
          ? `The disposition of ${who} was closed by itself: all the work it was forwarded to is done.`
          : `Disposisi ${who} selesai dengan sendirinya karena semua disposisi turunannya telah selesai.`;
      }
      return en ? `${who} completed the disposition.` : `${who} menyelesaikan disposisi.`;
    case 'letter.drafted':
      return en ? `${who} drafted the outgoing letter.` : `${who} menyusun konsep surat keluar.`;
    case 'draft.revised':
      return en
        ? `${who} uploaded revision ${d.revision ?? ''} of the draft.`
        : `${who} mengunggah revisi ke-${d.revision ?? ''} konsep surat.`;
    case 'letter.submitted':
      return en ? `${who} submitted the draft for approval by ${people}.` : `${who} mengajukan konsep untuk disetujui oleh ${people}.`;
    case 'approval.opened': {
      const signing = d.kind === 'SIGN';
      const dueAt = due(d.dueAt);
      return en
        ? `The draft waits for ${signing ? 'the signature' : 'the initials'} of ${people}${dueAt ? `, due ${dueAt}` : ''}.`
        : `Konsep menunggu ${signing ? 'tanda tangan' : 'paraf'} ${people}${dueAt ? `, batas ${dueAt}` : ''}.`;
    }
    case 'approval.approved':
      return d.kind === 'SIGN'
        ? en
          ? `${who} approved the letter for signature.`
          : `${who} menyetujui surat untuk ditandatangani.`
        : en
          ? `${who} initialled the draft.`
          : `${who} memaraf konsep.`;
    case 'approval.returned':
      return en
        ? `${who} returned the draft to its drafter for revision.`
        : `${who} mengembalikan konsep kepada penyusun untuk diperbaiki.`;
    case 'approval.rejected':
      return en ? `${who} rejected the draft.` : `${who} menolak konsep.`;
    case 'letter.signed':
      return en
        ? `${who} signed the letter electronically; its number is ${text(d.number) ?? '-'}.`
        : `${who} menandatangani surat secara elektronik dengan nomor ${text(d.number) ?? '-'}.`;
    case 'letter.sent':
      return en ? `The letter was sent to ${people}.` : `Surat dikirim kepada ${people}.`;
    case 'letter.answered':
      return en
        ? `This letter was answered with letter number ${text(d.number) ?? '-'}.`
        : `Surat ini dijawab dengan surat nomor ${text(d.number) ?? '-'}.`;
    default:
      return `${who}: ${facts.action}.`;
  }
}
