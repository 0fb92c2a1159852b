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
  type WorkNoticeText,
} from './work-notice-texts';

const open: NoticeLetter = { number: '005/12/2026', agendaNumber: 'AG-7', subject: 'Undangan rapat koordinasi', classified: false };
const secret: NoticeLetter = { ...open, subject: 'Rencana mutasi pejabat', classified: true };
const draft: NoticeLetter = { ...open, number: null, agendaNumber: null };

const all = (letter: NoticeLetter): WorkNoticeText[] => [
  dispositionReceivedText({
    letter,
    from: 'Sari Kadis',
    instructions: ['Tindak lanjuti'],
    note: 'Koordinasikan dengan Bidang IKP',
    dueLocal: '3 Des 2026, 16.00 WIB',
  }),
  assignmentWithdrawnText({ letter, from: 'Sari Kadis' }),
  approvalWaitingText({ letter, step: 'REVIEW', drafter: 'Budi Staf', dueLocal: '2 Des 2026, 10.00 WIB' }),
  approvalReturnedText({ letter, by: 'Ani Kabid', comment: 'Perbaiki paragraf kedua' }),
  approvalRejectedText({ letter, by: 'Sari Kadis', comment: 'Tidak sesuai kewenangan' }),
  letterSignedForDrafterText({ letter, signer: 'Sari Kadis', sent: true }),
  letterSignedForRecipientText({ letter, signer: 'Sari Kadis' }),
];

describe('notices of work', () => {
  it.each([
    [
      'a disposition received names the sender, the letter, the instruction, the note and the due time',
      all(open)[0],
      'disposition.received',
      'Disposisi baru dari Sari Kadis: 005/12/2026',
      [
        'Sari Kadis mendisposisikan surat nomor 005/12/2026 perihal "Undangan rapat koordinasi" kepada Anda.',
        'Instruksi: Tindak lanjuti.',
        'Catatan: "Koordinasikan dengan Bidang IKP".',
        'Batas waktu: 3 Des 2026, 16.00 WIB.',
      ],
    ],
    [
      'a withdrawn assignment says no follow-up is needed',
      all(open)[1],
      'assignment.withdrawn',
      'Disposisi ditarik kembali: 005/12/2026',
      ['tidak perlu menindaklanjutinya'],
    ],
    [
      'an approval step waiting names the draft, the drafter, paraf and the due time',
      all(draft)[2],
      'approval.waiting',
      'Menunggu paraf Anda: Undangan rapat koordinasi',
      ['Konsep surat perihal "Undangan rapat koordinasi" dari Budi Staf menunggu paraf Anda sampai 2 Des 2026, 10.00 WIB.'],
    ],
    [
      'a returned draft carries the comment',
      all(draft)[3],
      'approval.returned',
      'Konsep surat dikembalikan oleh Ani Kabid',
      ['Catatan: "Perbaiki paragraf kedua".'],
    ],
    [
      'a rejected draft carries the reason',
      all(draft)[4],
      'approval.rejected',
      'Konsep surat ditolak oleh Sari Kadis',
      ['Alasan: "Tidak sesuai kewenangan".'],
    ],
    [
      'the drafter hears the number and that it was sent',
      all(open)[5],
      'letter.signed',
      'Surat Anda telah ditandatangani: 005/12/2026',
      ['dengan nomor 005/12/2026 dan telah dikirim'],
    ],
    [
      'a recipient hears it reached their inbox',
      all(open)[6],
      'letter.signed',
      'Surat masuk dari Sari Kadis: 005/12/2026',
      ['kotak masuk Anda'],
    ],
  ])('%s', (_case, text, kind, title, phrases) => {
    expect(text.kind).toBe(kind);
    expect(text.title).toBe(title);
    for (const phrase of phrases) expect(text.body).toContain(phrase);
  });

  it('never shows the subject or the note of a CONFIDENTIAL or SECRET letter', () => {
    for (const text of all(secret)) {
      expect(`${text.title} ${text.body}`).not.toMatch(/Rencana mutasi|Koordinasikan dengan/);
      expect(`${text.title} ${text.body}`).toMatch(/rahasia/);
    }
  });

  it('has an English twin of every notice that keeps the same secrets', () => {
    for (const text of all(open)) expect(`${text.titleEn} ${text.bodyEn}`).toMatch(/005\/12\/2026|Undangan rapat koordinasi/);
    for (const text of all(secret)) {
      expect(`${text.titleEn} ${text.bodyEn}`).not.toMatch(/Rencana mutasi|Koordinasikan dengan/);
      expect(`${text.titleEn} ${text.bodyEn}`).toMatch(/classified/);
    }
    expect(assignmentWithdrawnText({ letter: open, from: 'Sari Kadis' }).titleEn).toBe('Disposition withdrawn: 005/12/2026');
  });

  it('gives the instructions and the due time in English when told them', () => {
    const text = dispositionReceivedText({
      letter: open,
      from: 'Sari Kadis',
      instructions: ['Tindak lanjuti'],
      instructionsEn: ['Follow up'],
      note: null,
      dueLocal: '3 Des 2026, 16.00 WIB',
      dueLocalEn: '3 Dec 2026, 16:00 WIB',
    });
    expect(text.bodyEn).toBe(
      'Sari Kadis disposed letter number 005/12/2026 about "Undangan rapat koordinasi" to you. Instructions: Follow up. ' +
        'Due: 3 Dec 2026, 16:00 WIB. Please read it and follow it up in Gesit.',
    );
  });

  it('leaves out what is not there: no instruction, no comment, no SLA', () => {
    expect(dispositionReceivedText({ letter: open, from: 'A', instructions: [], note: null, dueLocal: 'x' }).body).not.toMatch(
      /Instruksi|Catatan/,
    );
    expect(approvalReturnedText({ letter: draft, by: 'A', comment: null }).body).not.toContain('Catatan');
    expect(approvalWaitingText({ letter: draft, step: 'SIGN', drafter: 'B', dueLocal: null }).body).toContain(
      'menunggu tanda tangan Anda.',
    );
  });

  it('tells a Plh/Plt that the work is for the official they act for', () => {
    const disposition = dispositionReceivedText({
      letter: open,
      forOfficial: 'Ani Kabid',
      from: 'Sari Kadis',
      instructions: ['Pelajari'],
      note: null,
      dueLocal: '3 Des 2026, 16.00 WIB',
    });
    expect(disposition.title).toBe('Disposisi baru untuk Ani Kabid dari Sari Kadis: 005/12/2026');
    expect(disposition.body).toContain('kepada Ani Kabid, yang sedang Anda wakili sebagai Plh/Plt.');
    const approval = approvalWaitingText({ letter: draft, forOfficial: 'Sari Kadis', step: 'SIGN', drafter: 'Budi Staf', dueLocal: null });
    expect(approval.title).toBe('Menunggu tanda tangan Sari Kadis: Undangan rapat koordinasi');
    expect(approval.body).toContain('menunggu tanda tangan Sari Kadis, yang sedang Anda wakili sebagai Plh/Plt.');
  });

  it('names the official a Plh acted for', () => {
    expect(actorName('Budi', 'Sari Kadis')).toEqual({ id: 'Budi atas nama Sari Kadis', en: 'Budi on behalf of Sari Kadis' });
    expect(actorName('Budi', null)).toEqual({ id: 'Budi', en: 'Budi' });
    const returned = approvalReturnedText({ letter: draft, by: actorName('Budi', 'Sari Kadis'), comment: null });
    expect(returned.title).toBe('Konsep surat dikembalikan oleh Budi atas nama Sari Kadis');
    expect(returned.titleEn).toBe('Draft letter returned by Budi on behalf of Sari Kadis');
  });
});
