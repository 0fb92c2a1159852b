import {
  approvalDueSoonText,
  approvalEscalationText,
  approvalOverdueText,
  dueSoonText,
  escalationText,
  overdueText,
  restrictedApprovalEscalationText,
  restrictedEscalationText,
} from './reminder-texts';
import { escalationJobId, reminderJobId, stepJobId } from './reminder-jobs';

const open = {
  letterNumber: '005/123/BKD/2026',
  agendaNumber: '0042/DISKOMINFO/2026',
  subject: 'Undangan rapat koordinasi',
  classified: false,
  dueLocal: '18 Agu 2026 14.30 WIT',
  dueLocalEn: '18 Aug 2026, 14:30 WIT',
};

describe('reminder texts', () => {
  it('name the letter, its subject, the due time and what to do', () => {
    const text = dueSoonText(open);
    expect(text.title).toBe('Segera jatuh tempo: 005/123/BKD/2026');
    expect(text.body).toContain('perihal "Undangan rapat koordinasi"');
    expect(text.body).toContain('18 Agu 2026 14.30 WIT');
    expect(text.body).toContain('Mohon ditindaklanjuti');
    expect(text.bodyEn).toContain('is due on 18 Aug 2026, 14:30 WIT.');
  });

  it.each([dueSoonText, overdueText, (s: typeof open) => escalationText(s, 'Budi', 2)])(
    'keep the subject of a classified letter out (%#)',
    (make) => {
      const text = make({ ...open, classified: true });
      expect(text.body).not.toContain('Undangan');
      expect(text.body).toContain('bersifat rahasia');
    },
  );

  it('fall back to the agenda number of a letter without its own number', () => {
    expect(overdueText({ ...open, letterNumber: null }).title).toBe('Terlambat: 0042/DISKOMINFO/2026');
  });

  it('tell the superior whose assignment is late and at which level', () => {
    const text = escalationText(open, 'Budi Santoso', 2);
    expect(text.title).toContain('tingkat 2');
    expect(text.body).toContain('kepada Budi Santoso');
  });

  it('derive job ids from the assignment and its due time', () => {
    const due = new Date('2026-08-18T05:30:00Z');
    expect(reminderJobId('a1', 'due', due)).toBe('assignment-a1-due-1787031000000');
    expect(reminderJobId('a1', 'due', new Date(due.getTime() + 60_000))).not.toBe(reminderJobId('a1', 'due', due));
    expect(escalationJobId('a1', 2, due)).toBe('assignment-a1-escalate-2-1787031000000');
    expect(reminderJobId('a1', 'remind', due)).not.toContain(':');
  });
});

describe('approval step texts', () => {
  const step = {
    subject: 'Permohonan narasumber',
    classified: false,
    step: 'REVIEW' as const,
    dueLocal: '30 Nov 2026 10.00 WIB',
    dueLocalEn: '30 Nov 2026, 10:00 WIB',
  };

  it('ask the approver for their paraf or signature by the due time', () => {
    expect(approvalDueSoonText(step).body).toBe(
      'Konsep surat perihal "Permohonan narasumber" menunggu paraf Anda sampai 30 Nov 2026 10.00 WIB. Mohon setujui, kembalikan atau tolak di Gesit.',
    );
    expect(approvalOverdueText({ ...step, step: 'SIGN' }).title).toBe('Terlambat: tanda tangan konsep surat');
    expect(approvalEscalationText(step, 'Dewi Lestari').body).toContain('oleh Dewi Lestari');
  });

  it('keep a classified subject out', () => {
    expect(approvalOverdueText({ ...step, classified: true }).body).not.toContain('narasumber');
  });

  it('derive job ids from the step and its due time', () => {
    expect(stepJobId('s1', 'due', new Date('2026-08-18T05:30:00Z'))).toBe('step-s1-due-1787031000000');
  });
});

describe('escalations to someone who may not read the letter', () => {
  it('name no letter, no subject and nobody who holds it', () => {
    const text = restrictedEscalationText(2, '18 Agu 2026 14.30 WIT', '18 Aug 2026, 14:30 WIT');
    expect(text).toMatchObject({ kind: 'assignment.escalated', title: 'Eskalasi tingkat 2: disposisi surat bersifat rahasia' });
    expect(text.body).toContain('18 Agu 2026 14.30 WIT');
    expect(`${text.title} ${text.body}`).not.toMatch(/005\/123|0042|Undangan|Budi/);
  });

  it('say which kind of approval step is late, not whose or about what', () => {
    const text = restrictedApprovalEscalationText({
      subject: 'Mutasi pegawai',
      classified: true,
      step: 'SIGN',
      dueLocal: '1 Des 2026 10.00 WIB',
      dueLocalEn: '1 Dec 2026, 10:00 WIB',
    });
    expect(text.title).toBe('Eskalasi: tanda tangan konsep surat bersifat rahasia tertunda');
    expect(text.body).toMatch(/^Tanda tangan sebuah konsep surat bersifat rahasia/);
    expect(text.body).not.toContain('Mutasi');
  });
});
