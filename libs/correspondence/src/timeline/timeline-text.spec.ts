import { describeEvent, peopleOf, type TimelineFacts } from './timeline-text';

const names: Record<string, string> = { h: 'Dr. Hendra Wijaya', a: 'Agus Setiawan', d: 'Dewi Lestari', s: 'Sri Wahyuni', c: 'Siti Aminah' };
const nameOf = (id: string) => names[id] ?? '?';
const zone = 'Asia/Jakarta';
const fact = (
  action: string,
  details: Record<string, unknown> | null,
  actorId: string | null = 'h',
  actingForId: string | null = null,
): TimelineFacts => ({
  action,
  actorId,
  actingForId,
  details,
});

describe('describeEvent', () => {
  it.each<[TimelineFacts, string, string]>([
    [
      fact('letter.registered', { agendaNumber: '0012/DISKOMINFO/2026', addresseeIds: ['h'] }, 'c'),
      'Siti Aminah mencatat surat dengan nomor agenda 0012/DISKOMINFO/2026, ditujukan kepada Dr. Hendra Wijaya.',
      'Siti Aminah registered the letter as agenda number 0012/DISKOMINFO/2026, addressed to Dr. Hendra Wijaya.',
    ],
    [
      fact('disposition.created', {
        instructions: ['FOLLOW_UP'],
        assignees: [
          { assigneeId: 'a', dueAt: '2026-12-03T09:00:00.000Z' },
          { assigneeId: 'd', dueAt: '2026-12-03T09:00:00.000Z' },
        ],
      }),
      'Disposisi dari Dr. Hendra Wijaya kepada Agus Setiawan dan Dewi Lestari: Tindak lanjuti, batas 3 Des 2026, 16.00 WIB.',
      'Disposition from Dr. Hendra Wijaya to Agus Setiawan and Dewi Lestari: Follow up, due 3 Dec 2026, 16:00 WIB.',
    ],
    [
      fact(
        'disposition.created',
        { instructions: [], assignees: [{ assigneeId: 'a' }, { assigneeId: 'd' }, { assigneeId: 's' }] },
        'a',
        'h',
      ),
      'Disposisi dari Agus Setiawan (bertindak untuk Dr. Hendra Wijaya) kepada Agus Setiawan, Dewi Lestari dan Sri Wahyuni.',
      'Disposition from Agus Setiawan (acting for Dr. Hendra Wijaya) to Agus Setiawan, Dewi Lestari and Sri Wahyuni.',
    ],
    [
      fact('disposition.withdrawn', { assigneeIds: ['a'] }),
      'Dr. Hendra Wijaya menarik kembali disposisi kepada Agus Setiawan.',
      'Dr. Hendra Wijaya withdrew the disposition to Agus Setiawan.',
    ],
    [fact('assignment.read', null, 'a'), 'Agus Setiawan membaca disposisi.', 'Agus Setiawan read the disposition.'],
    [
      fact('assignment.completed', { from: 'READ' }, 'a'),
      'Agus Setiawan menyelesaikan disposisi.',
      'Agus Setiawan completed the disposition.',
    ],
    [
      fact('approval.opened', { kind: 'SIGN', approverId: 'h', dueAt: '2026-12-01T02:00:00.000Z' }, 's'),
      'Konsep menunggu tanda tangan Dr. Hendra Wijaya, batas 1 Des 2026, 09.00 WIB.',
      'The draft waits for the signature of Dr. Hendra Wijaya, due 1 Dec 2026, 09:00 WIB.',
    ],
    [fact('approval.approved', { kind: 'REVIEW' }, 's'), 'Sri Wahyuni memaraf konsep.', 'Sri Wahyuni initialled the draft.'],
    [
      fact('approval.returned', { kind: 'REVIEW' }, 's'),
      'Sri Wahyuni mengembalikan konsep kepada penyusun untuk diperbaiki.',
      'Sri Wahyuni returned the draft to its drafter for revision.',
    ],
    [
      fact('letter.signed', { number: '000.1/15/DISKOMINFO/2026' }),
      'Dr. Hendra Wijaya menandatangani surat secara elektronik dengan nomor 000.1/15/DISKOMINFO/2026.',
      'Dr. Hendra Wijaya signed the letter electronically; its number is 000.1/15/DISKOMINFO/2026.',
    ],
    [
      fact('letter.sent', { recipientIds: ['a', 'd'] }),
      'Surat dikirim kepada Agus Setiawan dan Dewi Lestari.',
      'The letter was sent to Agus Setiawan and Dewi Lestari.',
    ],
    [fact('something.new', null, null), 'Gesit: something.new.', 'Gesit: something.new.'],
  ])('%#: %p', (facts, indonesian, english) => {
    expect(describeEvent(facts, nameOf, zone, 'id')).toBe(indonesian);
    expect(describeEvent(facts, nameOf, zone, 'en')).toBe(english);
  });

  it('finds the people a step is about in what it changed', () => {
    expect(peopleOf(fact('letter.submitted', { steps: [{ approverId: 's' }, { approverId: 'h' }] }))).toEqual(['s', 'h']);
    expect(peopleOf(fact('letter.registered', { addresseeIds: 'not a list' }))).toEqual([]);
    expect(peopleOf(fact('assignment.read', null))).toEqual([]);
  });
});
