import type { DelegationNotice } from '@gesit/identity';
import { localTime } from '@gesit/calendar';
import { appointeeNoticeText, officialNoticeText } from './delegation-texts';
import { digestText } from './digest/digest-texts';
import {
  approvalDueSoonText,
  approvalEscalationText,
  approvalOverdueText,
  dueSoonText,
  escalationText,
  overdueText,
  restrictedApprovalEscalationText,
  restrictedEscalationText,
} from './reminders/reminder-texts';
import {
  actorName,
  approvalRejectedText,
  approvalReturnedText,
  approvalWaitingText,
  assignmentWithdrawnText,
  dispositionReceivedText,
  letterSignedForDrafterText,
  letterSignedForRecipientText,
  type NoticeLetter,
} from './work-notices/work-notice-texts';

// Words of Gesit's Indonesian texts that an English reader would trip over: month and day names, the nouns
// and particles of the notices. Names and subjects below are chosen so that none of them holds such a word.
const INDONESIAN =
  /\b(surat|disposisi|tugas|konsep|paraf|perihal|nomor|tanpa|kepada|dari|oleh|dan|yang|belum|sudah|telah|Anda|batas|waktu|jatuh|tempo|rahasia|lainnya|instruksi|catatan|alasan|baru|sejak|terlambat|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Agu|Okt|Des|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b/i;

const due = new Date('2026-12-03T09:00:00Z');
const dueLocal = localTime(due, 'Asia/Jakarta');
const dueLocalEn = localTime(due, 'Asia/Jakarta', 'en');
const letter = (classified: boolean): NoticeLetter => ({
  number: '005/12/2026',
  agendaNumber: 'AG-7',
  subject: 'Budget meeting',
  classified,
});
const reminder = { letterNumber: '005/12/2026', agendaNumber: 'AG-7', subject: 'Budget meeting', dueLocal, dueLocalEn };
const step = { subject: 'Budget meeting', step: 'SIGN' as const, dueLocal, dueLocalEn };
const delegation: DelegationNotice = {
  id: 'd1',
  kind: 'PLH',
  startsAt: new Date('2026-12-01T01:00:00Z'),
  endsAt: new Date('2026-12-03T10:00:00Z'),
  reason: 'Field trip',
  official: { id: 'o', name: 'Ani', timeZone: 'Asia/Jakarta' },
  appointee: { id: 'a', name: 'Budi', timeZone: 'Asia/Jayapura' },
  createdBy: { id: 'c', name: 'Sari' },
};
const digestExample = {
  hidden: false,
  letterNumber: 'B/5/2026',
  agendaNumber: null,
  subject: 'Budget meeting',
  assigneeName: 'Budi',
  dueAt: due,
};

/** Every notice a person can receive by e-mail or WhatsApp, as its English twin. */
function englishNotices(): [string, { titleEn: string; bodyEn: string }][] {
  const notices: [string, { titleEn: string; bodyEn: string }][] = [];
  for (const classified of [false, true]) {
    const l = letter(classified);
    const r = { ...reminder, classified };
    const s = { ...step, classified };
    notices.push(
      [
        'disposition received',
        dispositionReceivedText({
          letter: l,
          from: 'Sari',
          instructions: ['Tindak lanjuti'],
          instructionsEn: ['Follow up'],
          note: 'Call Ani',
          dueLocal,
          dueLocalEn,
        }),
      ],
      [
        'disposition received for an official',
        dispositionReceivedText({ letter: l, forOfficial: 'Ani', from: 'Sari', instructions: [], note: null, dueLocal, dueLocalEn }),
      ],
      ['assignment withdrawn', assignmentWithdrawnText({ letter: l, from: 'Sari' })],
      ['approval waiting', approvalWaitingText({ letter: l, step: 'REVIEW', drafter: 'Budi', dueLocal, dueLocalEn })],
      [
        'approval waiting for an official',
        approvalWaitingText({ letter: l, forOfficial: 'Ani', step: 'SIGN', drafter: 'Budi', dueLocal: null }),
      ],
      ['approval returned', approvalReturnedText({ letter: l, by: 'Ani', comment: 'Fix the second paragraph' })],
      ['approval rejected', approvalRejectedText({ letter: l, by: actorName('Budi', 'Sari'), comment: 'Out of scope' })],
      ['letter signed, to the drafter', letterSignedForDrafterText({ letter: l, signer: 'Sari', sent: true })],
      ['letter signed, to a recipient', letterSignedForRecipientText({ letter: l, signer: 'Sari' })],
      ['due soon', dueSoonText(r)],
      ['overdue', overdueText(r)],
      ['escalation', escalationText(r, 'Budi', 2)],
      ['approval due soon', approvalDueSoonText(s)],
      ['approval overdue', approvalOverdueText(s)],
      ['approval escalation', approvalEscalationText(s, 'Ani')],
      ['classified approval escalation', restrictedApprovalEscalationText(s)],
    );
  }
  notices.push(
    ['classified escalation', restrictedEscalationText(1, dueLocal, dueLocalEn)],
    ['delegation, to the official', officialNoticeText(delegation)],
    ['delegation, to the appointee', appointeeNoticeText(delegation)],
    [
      'daily digest',
      digestText({
        date: '2026-12-03',
        timeZone: 'Asia/Jakarta',
        newSince: new Date('2026-12-02T00:00:00Z'),
        counts: { new: 1, dueToday: 7, overdue: 1 },
        examples: {
          new: [digestExample],
          dueToday: [1, 2, 3, 4, 5, 6].map(() => digestExample),
          overdue: [{ ...digestExample, hidden: true, subject: null, assigneeName: null, letterNumber: null }],
        },
      }),
    ],
  );
  return notices;
}

describe('English notices', () => {
  it.each(englishNotices())('%s: no Indonesian word in the English title and text', (_name, notice) => {
    expect(`${notice.titleEn}\n${notice.bodyEn}`).not.toMatch(INDONESIAN);
  });

  it('write dates the English way', () => {
    expect(dueSoonText({ ...reminder, classified: false }).bodyEn).toContain('3 Dec 2026, 16:00 WIB');
  });
});
