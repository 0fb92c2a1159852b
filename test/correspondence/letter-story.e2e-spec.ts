import { localTime } from '@gesit/calendar';
import { startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { dispose, registerIncomingLetter } from '../harness/letters';
import { type Agency, createAgency, createPerson } from '../harness/org';

const LETTER = `query($id: ID!) {
  letter(id: $id) {
    status agendaNumber
    currentHolders { name }
    timeline { action actor { name } people { name } description }
  }
}`;
const DISPOSE = `mutation($input: DisposeInput!) { dispose(input: $input) { closeWhenDone assignments { id assignee { id } } } }`;
const COMPLETE = `mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { status } }`;

describe('where a letter is, in words', () => {
  let api: TestApi;
  let org: Agency;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    org = await createAgency(api, admin);
  });

  afterAll(() => api.close());

  const register = (subject: string) =>
    registerIncomingLetter(api, org.clerk.token, { number: `045/${Date.now()}/SETDA/2026`, subject, addresseeIds: [org.head.id] });

  async function view(id: string, language?: string) {
    const res = await api.gql(LETTER, { id }, org.head.token, language ? { 'accept-language': language } : {});
    expect(res.errors).toBeUndefined();
    return res.data!.letter;
  }

  const holders = async (id: string) => (await view(id)).currentHolders.map((u: { name: string }) => u.name);

  it('names only the people who still have work on the letter, and closes a leader’s part by itself when asked', async () => {
    const letter = await register('Permintaan data pegawai');
    const headAssignment = letter.assignmentId;
    expect(await holders(letter.id)).toEqual(['Kepala Dinas']);

    // The head disposes and asks to be done when the division is done; the head of division forwards without that.
    const toDivision = (
      await api.gqlOk(
        DISPOSE,
        {
          input: {
            letterId: letter.id,
            parentAssignmentId: headAssignment,
            assigneeIds: [org.division1.id, org.division2.id],
            instructions: ['FOLLOW_UP'],
            closeWhenDone: true,
          },
        },
        org.head.token,
      )
    ).dispose;
    expect(toDivision.closeWhenDone).toBe(true);
    const assignmentOf = (userId: string) => toDivision.assignments.find((a: { assignee: { id: string } }) => a.assignee.id === userId).id;
    const [division1, division2] = [assignmentOf(org.division1.id), assignmentOf(org.division2.id)];
    expect((await holders(letter.id)).sort()).toEqual(['Kepala Bidang Dua', 'Kepala Bidang Satu']);

    const toStaff = (
      await api.gqlOk(
        DISPOSE,
        { input: { letterId: letter.id, parentAssignmentId: division1, assigneeIds: [org.staff.id], instructions: ['PREPARE_REPLY'] } },
        org.division1.token,
      )
    ).dispose;
    expect(toStaff.closeWhenDone).toBe(false);
    expect((await holders(letter.id)).sort()).toEqual(['Kepala Bidang Dua', 'Staf Bidang Satu']);

    await api.gqlOk(COMPLETE, { input: { assignmentId: toStaff.assignments[0].id, note: 'Data sudah dihimpun' } }, org.staff.token);
    // The staff member is done: the head of division has the letter back, to confirm.
    expect((await holders(letter.id)).sort()).toEqual(['Kepala Bidang Dua', 'Kepala Bidang Satu']);

    await api.gqlOk(COMPLETE, { input: { assignmentId: division1, note: 'Sudah diperiksa' } }, org.division1.token);
    expect(await holders(letter.id)).toEqual(['Kepala Bidang Dua']);
    expect((await view(letter.id)).status).toBe('IN_PROGRESS');

    // The last division completes: the head's own assignment closes by itself, and with it the letter.
    await api.gqlOk(COMPLETE, { input: { assignmentId: division2, note: 'Tidak ada data di bidang kami' } }, org.division2.token);
    const done = await view(letter.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.currentHolders).toEqual([]);
    const closing = done.timeline[done.timeline.length - 1];
    expect(closing).toMatchObject({ action: 'assignment.completed', actor: { name: 'Kepala Dinas' } });
    expect(closing.description).toBe('Disposisi Kepala Dinas selesai dengan sendirinya karena semua disposisi turunannya telah selesai.');
  });

  it('closes each level exactly once when more people than the pool has connections complete at the same moment', async () => {
    const team = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createPerson(api, admin, {
          name: `Staf Tim ${i + 1}`,
          roles: ['STAFF'],
          unitId: org.division,
          superiorId: org.division1.positionId,
        }),
      ),
    );
    const letter = await register('Pendataan aset per pegawai');
    const head = letter.assignmentId;
    const [division] = (
      await api.gqlOk(
        DISPOSE,
        {
          input: {
            letterId: letter.id,
            parentAssignmentId: head,
            assigneeIds: [org.division1.id],
            instructions: ['FOLLOW_UP'],
            closeWhenDone: true,
          },
        },
        org.head.token,
      )
    ).dispose.assignments;
    const leaves = (
      await api.gqlOk(
        DISPOSE,
        {
          input: {
            letterId: letter.id,
            parentAssignmentId: division.id,
            assigneeIds: team.map((p) => p.id),
            instructions: ['PROCESS_PER_REGULATION'],
            closeWhenDone: true,
          },
        },
        org.division1.token,
      )
    ).dispose.assignments as { id: string; assignee: { id: string } }[];
    const tokenOf = new Map(team.map((p) => [p.id, p.token]));

    const results = await Promise.all(
      leaves.map((a) => api.gql(COMPLETE, { input: { assignmentId: a.id, note: 'Data aset sudah diisi' } }, tokenOf.get(a.assignee.id))),
    );
    expect(results.map((r) => r.errors ?? null)).toEqual(leaves.map(() => null));

    const done = await view(letter.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.currentHolders).toEqual([]);
    const automatic = done.timeline.filter((e: { description: string }) => /dengan sendirinya/.test(e.description));
    expect(automatic.map((e: { actor: { name: string } }) => e.actor.name)).toEqual(['Kepala Bidang Satu', 'Kepala Dinas']);
  });

  it('tells each step in a sentence, in Indonesian by default and in English on request', async () => {
    const letter = await register('Undangan rapat evaluasi');
    // Within the head's own due time; the exact wording of times is pinned by timeline-text.spec.ts.
    const due = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
    await dispose(api, org.head.token, {
      letterId: letter.id,
      parentAssignmentId: letter.assignmentId,
      assigneeIds: [org.division1.id],
      instructions: ['FOLLOW_UP', 'ATTEND'],
      dueAt: due.toISOString(),
    });
    const id = await view(letter.id);
    expect(id.timeline.map((e: { description: string }) => e.description)).toEqual([
      `Petugas TU mencatat surat dengan nomor agenda ${letter.agendaNumber}, ditujukan kepada Kepala Dinas.`,
      expect.stringMatching(/^Disposisi dari Petugas TU kepada Kepala Dinas: batas \d+ \w+ \d{4},? \d{2}\.\d{2} WIB\.$/),
      `Disposisi dari Kepala Dinas kepada Kepala Bidang Satu: Tindak lanjuti, Hadiri, batas ${localTime(due, 'Asia/Jakarta')}.`,
    ]);
    expect(id.timeline[2].people).toEqual([{ name: 'Kepala Bidang Satu' }]);
    expect(id.timeline[0].people).toEqual([{ name: 'Kepala Dinas' }]);

    const en = await view(letter.id, 'en-US,en;q=0.9');
    expect(en.timeline.map((e: { description: string }) => e.description)).toEqual([
      `Petugas TU registered the letter as agenda number ${letter.agendaNumber}, addressed to Kepala Dinas.`,
      expect.stringMatching(/^Disposition from Petugas TU to Kepala Dinas: due .+ WIB\.$/),
      `Disposition from Kepala Dinas to Kepala Bidang Satu: Follow up, Attend, due ${localTime(due, 'Asia/Jakarta', 'en')}.`,
    ]);
    expect(en.timeline.map((e: { action: string }) => e.action)).toEqual([
      'letter.registered',
      'disposition.created',
      'disposition.created',
    ]);
  });
});
