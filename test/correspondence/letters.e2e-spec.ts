import { DataSource } from 'typeorm';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';
import { type Agency, appointPlh, createAgency } from '../harness/org';

const REGISTER = `mutation($input: RegisterIncomingLetterInput!) {
  registerIncomingLetter(input: $input) {
    id agendaNumber status dueAt securityLevel
    dispositions { id assignments { id assignee { id } status slaState dueAt } }
  }
}`;
const DISPOSE = `mutation($input: DisposeInput!) {
  dispose(input: $input) { id dueAt sender { id } actingFor { id } assignments { id assignee { id } dueAt status } }
}`;
const LETTER = `query($id: ID!) {
  letter(id: $id) {
    id status agendaNumber subject
    files { id sha256 }
    addressees { id }
    currentHolders { id }
    timeline { action actor { id } note }
    dispositions { id withdrawnAt sender { id } parentAssignment { id } assignments { id status assignee { id } children { id } } }
  }
}`;
const INBOX = `query($filter: InboxFilter, $first: Int, $after: String) {
  inbox(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status slaState dueAt disposition { letter { id subject number } } } }
  }
}`;

let counter = 0;

describe('incoming letters and dispositions', () => {
  let api: TestApi;
  let org: Agency;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
  });

  afterAll(() => api.close());

  async function register(overrides: Record<string, unknown> = {}, addressees = [org.head.id], token = org.clerk.token) {
    counter += 1;
    const fileId = await uploadPdf(api, token, `Scan ${counter}`);
    return api.gql<{ registerIncomingLetter: any }>(
      REGISTER,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          number: `005/${counter}/BKD/2026`,
          letterDate: '2026-11-20',
          subject: `Undangan rapat koordinasi ${counter}`,
          senderName: 'Badan Kepegawaian Daerah',
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'URGENT',
          fileIds: [fileId],
          addresseeIds: addressees,
          ...overrides,
        },
      },
      token,
    );
  }

  async function registered(overrides: Record<string, unknown> = {}, addressees?: string[]) {
    const res = await register(overrides, addressees);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.registerIncomingLetter;
  }

  it('walks a letter from registration through a three-level disposition tree to completion', async () => {
    const letter = await registered();
    expect(letter.agendaNumber).toMatch(/^\d{4}\/U[0-9A-Z]+\/20\d\d$/);
    expect(letter.status).toBe('REGISTERED');
    const headAssignment = letter.dispositions[0].assignments[0];
    expect(headAssignment).toMatchObject({ assignee: { id: org.head.id }, status: 'UNREAD', slaState: 'ON_TRACK' });

    const toDivision = await api.gqlOk<any>(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: headAssignment.id,
          assigneeIds: [org.division1.id],
          instructions: ['FOLLOW_UP'],
          note: 'Mohon ditindaklanjuti',
        },
      },
      org.head.token,
    );
    const divisionAssignment = toDivision.dispose.assignments[0];
    expect(new Date(divisionAssignment.dueAt).getTime()).toBeLessThanOrEqual(new Date(headAssignment.dueAt).getTime());

    const toStaff = await api.gqlOk<any>(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: divisionAssignment.id,
          assigneeIds: [org.staff.id],
          instructions: ['PREPARE_REPLY', 'COORDINATE'],
        },
      },
      org.division1.token,
    );
    const staffAssignment = toStaff.dispose.assignments[0];

    let view = (await api.gqlOk<any>(LETTER, { id: letter.id }, org.head.token)).letter;
    expect(view.status).toBe('IN_PROGRESS');
    // Head and head of division forwarded their part and wait on it: the letter is on the staff member's desk.
    expect(view.currentHolders.map((u: any) => u.id)).toEqual([org.staff.id]);

    const inbox = await api.gqlOk<any>(INBOX, { first: 5 }, org.staff.token);
    expect(inbox.inbox.edges[0].node).toMatchObject({
      id: staffAssignment.id,
      status: 'UNREAD',
      disposition: { letter: { id: letter.id } },
    });
    // The inbox reads only the columns a query asks for; fields it cannot map read whole rows. Both agree.
    const wide = await api.gqlOk<any>(
      `{ inbox(first: 5) { edges { node { ...Row assignee { id } disposition { sender { id } letter { agendaNumber files { id } createdBy { id } } } } } } }
       fragment Row on DispositionAssignment { id status slaState disposition { instructions ... on Disposition { letter { number } } } }`,
      {},
      org.staff.token,
    );
    expect(wide.inbox.edges[0].node).toEqual({
      id: staffAssignment.id,
      status: 'UNREAD',
      slaState: 'ON_TRACK',
      assignee: { id: org.staff.id },
      disposition: {
        instructions: ['PREPARE_REPLY', 'COORDINATE'],
        sender: { id: org.division1.id },
        letter: {
          number: expect.stringMatching(/^005\/\d+\/BKD\/2026$/),
          agendaNumber: letter.agendaNumber,
          files: [{ id: expect.any(String) }],
          createdBy: { id: org.clerk.id },
        },
      },
    });

    const complete = `mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { id status completedAt completionNote slaState } }`;
    await api.gqlOk(`mutation($id: ID!) { markAssignmentRead(id: $id) { status } }`, { id: staffAssignment.id }, org.staff.token);
    const done = await api.gqlOk<any>(
      complete,
      { input: { assignmentId: staffAssignment.id, note: 'Konsep jawaban sudah disiapkan' } },
      org.staff.token,
    );
    expect(done.completeAssignment).toMatchObject({
      status: 'COMPLETED',
      completionNote: 'Konsep jawaban sudah disiapkan',
      slaState: 'MET',
    });

    await api.gqlOk(complete, { input: { assignmentId: divisionAssignment.id, note: 'Selesai' } }, org.division1.token);
    view = (await api.gqlOk<any>(LETTER, { id: letter.id }, org.head.token)).letter;
    expect(view.currentHolders.map((u: any) => u.id)).toEqual([org.head.id]);
    await api.gqlOk(complete, { input: { assignmentId: headAssignment.id, note: 'Selesai, arsipkan' } }, org.head.token);

    view = (await api.gqlOk<any>(LETTER, { id: letter.id }, org.head.token)).letter;
    expect(view.status).toBe('COMPLETED');
    expect(view.currentHolders).toEqual([]);
    expect(view.timeline.map((e: any) => e.action)).toEqual([
      'letter.registered',
      'disposition.created',
      'disposition.created',
      'disposition.created',
      'assignment.read',
      'assignment.completed',
      'assignment.completed',
      'assignment.completed',
    ]);
    const tree = view.dispositions;
    expect(tree).toHaveLength(3);
    expect(tree[1].parentAssignment.id).toBe(headAssignment.id);
    expect(tree[2].parentAssignment.id).toBe(divisionAssignment.id);
  });

  it('refuses a due time later than the parent assignment, naming the limit', async () => {
    const letter = await registered();
    const parent = letter.dispositions[0].assignments[0];
    const late = new Date(new Date(parent.dueAt).getTime() + 3600_000).toISOString();
    const res = await api.gql(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: parent.id,
          assigneeIds: [org.division1.id],
          instructions: ['STUDY'],
          dueAt: late,
        },
      },
      org.head.token,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain(parent.dueAt);
    expect(res.errors![0].extensions!.limit).toBe(parent.dueAt);
  });

  it('refuses dispositions to people who are not below the sender', async () => {
    const letter = await registered();
    const parent = letter.dispositions[0].assignments[0];
    const res = await api.gql(
      DISPOSE,
      { input: { letterId: letter.id, parentAssignmentId: parent.id, assigneeIds: [org.stranger.id], instructions: ['STUDY'] } },
      org.head.token,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('shows a stranger nothing: the letter, its dispositions and its scan are NOT_FOUND', async () => {
    const letter = await registered();
    expect(errorCode(await api.gql(LETTER, { id: letter.id }, org.stranger.token))).toBe('NOT_FOUND');
    const parent = letter.dispositions[0].assignments[0];
    const res = await api.gql(
      DISPOSE,
      { input: { letterId: letter.id, parentAssignmentId: parent.id, assigneeIds: [org.staff.id], instructions: ['STUDY'] } },
      org.stranger.token,
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
    const files = (await api.gqlOk<any>(LETTER, { id: letter.id }, org.head.token)).letter.files;
    expect(errorCode(await api.gql('query($id: ID!) { file(id: $id) { id } }', { id: files[0].id }, org.stranger.token))).toBe('NOT_FOUND');
    const ok = await api.gqlOk<any>('query($id: ID!) { file(id: $id) { id downloadUrl } }', { id: files[0].id }, org.head.token);
    expect(ok.file.downloadUrl).toMatch(/^http/);
  });

  it('lets a Plh read the official’s inbox and dispose in their name, and records both', async () => {
    const letter = await registered();
    const parent = letter.dispositions[0].assignments[0];
    await appointPlh(api, org.head.token, org.secretary.id);
    const inbox = await api.gqlOk<any>(INBOX, { filter: { actingForUserId: org.head.id }, first: 50 }, org.secretary.token);
    expect(inbox.inbox.edges.map((e: any) => e.node.id)).toContain(parent.id);
    const res = await api.gqlOk<any>(
      DISPOSE,
      { input: { letterId: letter.id, parentAssignmentId: parent.id, assigneeIds: [org.division2.id], instructions: ['ATTEND'] } },
      org.secretary.token,
    );
    expect(res.dispose.sender.id).toBe(org.secretary.id);
    expect(res.dispose.actingFor.id).toBe(org.head.id);
    const own = await api.gql(INBOX, { filter: { actingForUserId: org.division1.id } }, org.secretary.token);
    expect(errorCode(own)).toBe('FORBIDDEN');
  });

  it('refuses to withdraw a disposition once it has been read, and withdraws an unread one', async () => {
    const letter = await registered();
    const parent = letter.dispositions[0].assignments[0];
    const first = await api.gqlOk<any>(
      DISPOSE,
      { input: { letterId: letter.id, parentAssignmentId: parent.id, assigneeIds: [org.division1.id], instructions: ['STUDY'] } },
      org.head.token,
    );
    await api.gqlOk(
      `mutation($id: ID!) { markAssignmentRead(id: $id) { status } }`,
      { id: first.dispose.assignments[0].id },
      org.division1.token,
    );
    const refused = await api.gql(`mutation($id: ID!) { withdrawDisposition(id: $id) { id } }`, { id: first.dispose.id }, org.head.token);
    expect(errorCode(refused)).toBe('CONFLICT');

    const second = await api.gqlOk<any>(
      DISPOSE,
      { input: { letterId: letter.id, parentAssignmentId: parent.id, assigneeIds: [org.division2.id], instructions: ['STUDY'] } },
      org.head.token,
    );
    const withdrawn = await api.gqlOk<any>(
      `mutation($id: ID!) { withdrawDisposition(id: $id) { id withdrawnAt } }`,
      { id: second.dispose.id },
      org.head.token,
    );
    expect(withdrawn.withdrawDisposition.withdrawnAt).not.toBeNull();
    const inbox = await api.gqlOk<any>(INBOX, { first: 100 }, org.division2.token);
    expect(inbox.inbox.edges.map((e: any) => e.node.id)).not.toContain(second.dispose.assignments[0].id);
  });

  it('refuses a second registration of the same letter, naming the agenda number', async () => {
    const letter = await registered({ number: 'DUP/001/2026', senderName: 'Kantor Gubernur' });
    const again = await register({ number: 'DUP/001/2026', senderName: 'kantor gubernur' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain(letter.agendaNumber);
  });

  it('hides a CONFIDENTIAL letter from a leader above its addressee who is not named on it', async () => {
    const secret = await registered({ securityLevel: 'CONFIDENTIAL' }, [org.division1.id]);
    const open = await registered({ securityLevel: 'PUBLIC' }, [org.division1.id]);
    expect(errorCode(await api.gql(LETTER, { id: secret.id }, org.head.token))).toBe('NOT_FOUND');
    expect((await api.gqlOk<any>(LETTER, { id: open.id }, org.head.token)).letter.id).toBe(open.id);
    expect((await api.gqlOk<any>(LETTER, { id: secret.id }, org.division1.token)).letter.id).toBe(secret.id);
    // The registry lists by the same rule.
    const REGISTRY = `query($filter: LetterFilter) { letters(filter: $filter, first: 50) { edges { node { id } } } }`;
    const listed = async (token: string, letter: { agendaNumber: string }) =>
      (await api.gqlOk<any>(REGISTRY, { filter: { search: letter.agendaNumber } }, token)).letters.edges.map((e: any) => e.node.id);
    expect(await listed(org.head.token, open)).toContain(open.id);
    expect(await listed(org.head.token, secret)).not.toContain(secret.id);
    expect(await listed(org.division1.token, secret)).toContain(secret.id);
    expect(await listed(org.stranger.token, open)).not.toContain(open.id);
  });

  it('pages through the inbox without repeats or gaps while new assignments arrive', async () => {
    for (let i = 0; i < 5; i++) await registered({}, [org.division2.id]);
    const seen: string[] = [];
    let after: string | null = null;
    let arrived = 0;
    for (;;) {
      const page: any = await api.gqlOk<any>(INBOX, { first: 2, after }, org.division2.token);
      seen.push(...page.inbox.edges.map((e: any) => e.node.id));
      if (arrived < 2) {
        await registered({}, [org.division2.id]);
        arrived++;
      }
      if (!page.inbox.pageInfo.hasNextPage) break;
      after = page.inbox.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await api.gqlOk<any>(INBOX, { first: 100 }, org.division2.token);
    const ids = all.inbox.edges.map((e: any) => e.node.id);
    // Every assignment that existed when paging began was seen exactly once.
    expect(ids.slice(arrived)).toEqual(seen.filter((id) => ids.slice(arrived).includes(id)));
    expect(seen.length).toBeGreaterThanOrEqual(ids.length - arrived);
  });

  it('filters the inbox by status, urgency and search', async () => {
    const letter = await registered({ subject: 'Permohonan data statistik sektoral', urgency: 'VERY_URGENT' }, [org.division1.id]);
    const found = await api.gqlOk<any>(
      INBOX,
      { filter: { search: 'statistik sektoral', urgency: ['VERY_URGENT'], status: ['UNREAD'] } },
      org.division1.token,
    );
    expect(found.inbox.edges.map((e: any) => e.node.disposition.letter.id)).toEqual([letter.id]);
    const none = await api.gqlOk<any>(INBOX, { filter: { search: 'statistik sektoral', status: ['COMPLETED'] } }, org.division1.token);
    expect(none.inbox.totalCount).toBe(0);
  });

  it('validates registrations with errors a clerk can act on', async () => {
    expect(errorCode(await register({ classificationCode: '999.9' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await register({}, []))).toBe('BAD_USER_INPUT');
    expect(errorCode(await register({ letterDate: '2099-01-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await register({}, [org.head.id], org.staff.token))).toBe('FORBIDDEN');
  });

  it('refuses to complete an assignment whose forwarded work is still open, unless the caller says so', async () => {
    const letter = await registered();
    const parent = letter.dispositions[0].assignments[0];
    await api.gqlOk(
      DISPOSE,
      { input: { letterId: letter.id, parentAssignmentId: parent.id, assigneeIds: [org.division1.id], instructions: ['FOLLOW_UP'] } },
      org.head.token,
    );
    const complete = 'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { status } }';
    const refused = await api.gql(complete, { input: { assignmentId: parent.id, note: 'Selesai' } }, org.head.token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain('evenIfForwardedOpen');
    const forced = await api.gqlOk<any>(
      complete,
      { input: { assignmentId: parent.id, note: 'Selesai', evenIfForwardedOpen: true } },
      org.head.token,
    );
    expect(forced.completeAssignment.status).toBe('COMPLETED');
    const again = await api.gqlOk<any>(complete, { input: { assignmentId: parent.id, note: 'Lagi' } }, org.head.token);
    expect(again.completeAssignment.status).toBe('COMPLETED');
    const note = 'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { completionNote } }';
    expect(errorCode(await api.gql(note, { input: { assignmentId: parent.id, note: '   ' } }, org.head.token))).toBe('BAD_USER_INPUT');
  });

  it('filters the inbox by SLA state, computed when read', async () => {
    const letter = await registered({ subject: 'Status SLA uji' }, [org.division1.id]);
    const id = letter.dispositions[0].assignments[0].id;
    const ids = async (slaState: string[]) =>
      (await api.gqlOk<any>(INBOX, { filter: { slaState, search: 'Status SLA uji' }, first: 50 }, org.division1.token)).inbox.edges.map(
        (e: any) => e.node.id,
      );
    expect(await ids(['ON_TRACK'])).toContain(id);
    expect(await ids(['OVERDUE', 'DUE_SOON', 'MET', 'MISSED'])).not.toContain(id);
    await api.app
      .get(DataSource)
      .query(
        `UPDATE disposition_assignment SET due_at = now() - interval '1 minute', due_soon_at = now() - interval '2 hours' WHERE id = $1`,
        [id],
      );
    expect(await ids(['OVERDUE'])).toContain(id);
    const view = await api.gqlOk<any>(INBOX, { filter: { slaState: ['OVERDUE'], search: 'Status SLA uji' } }, org.division1.token);
    expect(view.inbox.edges[0].node.slaState).toBe('OVERDUE');
  });

  it('lists the registry of letters the caller may read, newest first, filtered and paged', async () => {
    const marker = `Registri ${Date.now()}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await registered({ subject: `${marker} ${i}` }));
    const LETTERS = `query($filter: LetterFilter, $first: Int, $after: String) {
      letters(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id subject agendaNumber } } }
    }`;
    const first = await api.gqlOk<any>(LETTERS, { filter: { search: marker, direction: 'INCOMING' }, first: 2 }, org.clerk.token);
    expect(first.letters.totalCount).toBe(3);
    expect(first.letters.edges.map((e: any) => e.node.id)).toEqual([made[2].id, made[1].id]);
    const second = await api.gqlOk<any>(
      LETTERS,
      { filter: { search: marker }, first: 2, after: first.letters.pageInfo.endCursor },
      org.clerk.token,
    );
    expect(second.letters.edges.map((e: any) => e.node.id)).toEqual([made[0].id]);
    expect(second.letters.pageInfo.hasNextPage).toBe(false);
    const byAgenda = await api.gqlOk<any>(LETTERS, { filter: { search: made[1].agendaNumber } }, org.head.token);
    expect(byAgenda.letters.edges.map((e: any) => e.node.id)).toEqual([made[1].id]);
    const stranger = await api.gqlOk<any>(LETTERS, { filter: { search: marker } }, org.stranger.token);
    expect(stranger.letters.totalCount).toBe(0);
    expect(errorCode(await api.gql(LETTERS, { first: 2, after: 'rusak' }, org.clerk.token))).toBe('BAD_USER_INPUT');
  });
});
