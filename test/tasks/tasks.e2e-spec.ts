import { errorCode, startTestApi, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { appointPlh, createAgency } from '../harness/org';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const TASK_FIELDS = `id title status priority progress recurrence dueAt startAt estimateMinutes completedAt slaState spentMinutes
  creator { id } assignees { id } parent { id } subtasks { id title }
  checklist { id text done } updates { progress note workMode author { id } files { id } }
  files { id } sourceAssignment { id status }`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const PROGRESS = `mutation($input: UpdateTaskProgressInput!) { updateTaskProgress(input: $input) { ${TASK_FIELDS} } }`;
const TICK = `mutation($taskId: ID!, $itemId: ID!, $done: Boolean!) { setChecklistItem(taskId: $taskId, itemId: $itemId, done: $done) { id progress checklist { done } } }`;
const TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
const TASKS = `query($filter: TaskFilter, $first: Int, $after: String) {
  tasks(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status } } }
}`;

/** An instant `days` from now. */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

describe('tasks', () => {
  let api: TestApi;
  let org: Agency;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
  });

  afterAll(() => api.close());

  const create = (input: Record<string, unknown>, token: string) => api.gql<{ createTask: any }>(CREATE, { input }, token);
  const created = async (input: Record<string, unknown>, token: string) => {
    const res = await create(input, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.createTask;
  };
  const progress = (input: Record<string, unknown>, token: string) =>
    api.gql<{ updateTaskProgress: any }>(
      PROGRESS,
      { input: { progress: 0, note: 'Catatan kemajuan', workMode: 'OFFICE', ...input } },
      token,
    );

  it('lets anyone set their own task; the checklist drives progress and the status machine names the moves allowed', async () => {
    const fileId = await uploadPdf(api, org.staff.token, 'Bahan rapat');
    const task = await created(
      {
        title: 'Menyusun bahan rapat koordinasi',
        assigneeIds: [],
        checklist: ['Kumpulkan data', 'Susun draf', 'Kirim ke atasan'],
        dueAt: inDays(3),
        estimateMinutes: 240,
        priority: 'HIGH',
        fileIds: [fileId],
      },
      org.staff.token,
    );
    expect(task).toMatchObject({
      status: 'TODO',
      priority: 'HIGH',
      progress: 0,
      creator: { id: org.staff.id },
      assignees: [{ id: org.staff.id }],
      slaState: 'ON_TRACK',
      spentMinutes: 0,
      files: [{ id: fileId }],
    });
    expect(task.checklist.map((i: any) => i.text)).toEqual(['Kumpulkan data', 'Susun draf', 'Kirim ke atasan']);

    const ticked = await api.gqlOk<any>(TICK, { taskId: task.id, itemId: task.checklist[0].id, done: true }, org.staff.token);
    expect(ticked.setChecklistItem.progress).toBe(33);

    // TODO cannot jump to review: the refusal names the moves there are.
    const jump = await progress({ taskId: task.id, status: 'IN_REVIEW' }, org.staff.token);
    expect(errorCode(jump)).toBe('CONFLICT');
    expect(jump.errors![0].message).toMatch(/tidak dapat diubah dari Belum dikerjakan \(TODO\) menjadi Menunggu pemeriksaan \(IN_REVIEW\)/);
    expect(jump.errors![0].message).toMatch(/Sedang dikerjakan \(IN_PROGRESS\).*Terhambat \(BLOCKED\).*Dibatalkan \(CANCELLED\)/);

    // A progress report from home starts the work; with a checklist, the checklist sets the percentage.
    const started = (await progress({ taskId: task.id, progress: 80, note: 'Data terkumpul', workMode: 'HOME' }, org.staff.token)).data!
      .updateTaskProgress;
    expect(started).toMatchObject({ status: 'IN_PROGRESS', progress: 33 });
    expect(started.updates).toEqual([{ progress: 33, note: 'Data terkumpul', workMode: 'HOME', author: { id: org.staff.id }, files: [] }]);

    const blocked = await progress({ taskId: task.id, status: 'BLOCKED', note: 'Menunggu data dari bidang lain' }, org.staff.token);
    expect(blocked.data!.updateTaskProgress.status).toBe('BLOCKED');
    const back = await progress({ taskId: task.id, status: 'IN_PROGRESS', note: 'Data sudah diterima' }, org.staff.token);
    expect(back.data!.updateTaskProgress.status).toBe('IN_PROGRESS');

    const done = (await progress({ taskId: task.id, status: 'DONE', note: 'Bahan sudah dikirim' }, org.staff.token)).data!
      .updateTaskProgress;
    expect(done).toMatchObject({ status: 'DONE', progress: 100, slaState: 'MET' });
    expect(done.completedAt).not.toBeNull();

    const after = await progress({ taskId: task.id, status: 'IN_PROGRESS', note: 'Dibuka lagi' }, org.staff.token);
    expect(errorCode(after)).toBe('CONFLICT');
    expect(after.errors![0].message).toMatch(/Tidak ada perubahan status yang dapat Anda lakukan/);
  });

  it('lets a leader, or their Plh, give work down the chain of command only; the assignee sends it to review and the creator closes it', async () => {
    const refused = await create({ title: 'Tolong periksa laporan saya', assigneeIds: [org.division1.id] }, org.staff.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/Kepala Bidang Satu tidak berada di bawah Anda/);

    const sideways = await create({ title: 'Bantu bidang satu', assigneeIds: [org.staff.id] }, org.division2.token);
    expect(errorCode(sideways)).toBe('FORBIDDEN');
    expect(sideways.errors![0].message).toMatch(/Staf Bidang Satu tidak berada di bawah Anda/);

    const task = await created({ title: 'Menyiapkan telaahan staf', assigneeIds: [org.staff.id], dueAt: inDays(2) }, org.division1.token);
    const subtask = await created({ title: 'Mengumpulkan regulasi', assigneeIds: [org.staff.id], parentId: task.id }, org.division1.token);
    expect(subtask.parent).toEqual({ id: task.id });
    expect((await api.gqlOk<any>(TASK, { id: task.id }, org.staff.token)).task.subtasks).toEqual([
      { id: subtask.id, title: 'Mengumpulkan regulasi' },
    ]);

    // The head above sees it; a leader of another agency does not even learn it exists.
    expect((await api.gqlOk<any>(TASK, { id: task.id }, org.head.token)).task.id).toBe(task.id);
    const hidden = await api.gql(TASK, { id: task.id }, org.stranger.token);
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors![0].message).toBe('Tugas itu tidak ditemukan atau tidak dapat Anda buka.');

    await progress({ taskId: task.id, status: 'IN_PROGRESS', note: 'Mulai dikerjakan' }, org.staff.token);
    // The assignee did not create it: it goes to review, not straight to done.
    const skip = await progress({ taskId: task.id, status: 'DONE', note: 'Selesai' }, org.staff.token);
    expect(errorCode(skip)).toBe('CONFLICT');
    expect(skip.errors![0].message).toMatch(/Menunggu pemeriksaan \(IN_REVIEW\)/);
    await progress({ taskId: task.id, status: 'IN_REVIEW', progress: 100, note: 'Mohon diperiksa' }, org.staff.token);
    const cancel = await progress({ taskId: task.id, status: 'CANCELLED', note: 'Batal' }, org.staff.token);
    expect(errorCode(cancel)).toBe('CONFLICT');
    const closed = await progress({ taskId: task.id, status: 'DONE', note: 'Sudah sesuai' }, org.division1.token);
    expect(closed.data!.updateTaskProgress.status).toBe('DONE');

    // The head of division's Plh gives work to the official's staff in the official's name.
    await appointPlh(api, org.division1.token, org.division2.id);
    const byPlh = await created({ title: 'Menyusun notula rapat', assigneeIds: [org.staff.id] }, org.division2.token);
    expect(byPlh).toMatchObject({ creator: { id: org.division2.id }, assignees: [{ id: org.staff.id }] });
  });

  it('refuses bad input with a message that says what to fix', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: '  ', assigneeIds: [] }, 'BAD_USER_INPUT', /Judul tugas wajib diisi/],
      [{ title: 'Tenggat lewat', assigneeIds: [], dueAt: inDays(-1) }, 'BAD_USER_INPUT', /sudah lewat/],
      [{ title: 'Berulang tanpa tenggat', assigneeIds: [], recurrence: 'FREQ=WEEKLY' }, 'BAD_USER_INPUT', /memerlukan waktu tenggat/],
      [{ title: 'Aturan rusak', assigneeIds: [], dueAt: inDays(1), recurrence: 'SETIAP SENIN' }, 'BAD_USER_INPUT', /tidak dikenali/],
      [{ title: 'Estimasi negatif', assigneeIds: [], estimateMinutes: -5 }, 'BAD_USER_INPUT', /Perkiraan waktu/],
    ];
    for (const [input, code, message] of cases) {
      const res = await create(input, org.staff.token);
      expect({ input, code: errorCode(res) }).toEqual({ input, code });
      expect(res.errors![0].message).toMatch(message);
    }
    const foreignFile = await uploadPdf(api, org.head.token, 'Milik kepala');
    const file = await create({ title: 'Lampiran orang lain', assigneeIds: [], fileIds: [foreignFile] }, org.staff.token);
    expect(errorCode(file)).toBe('BAD_USER_INPUT');
    expect(file.errors![0].message).toMatch(/Lampirkan hanya berkas yang Anda unggah sendiri/);
  });

  it('creates the next occurrence of a recurring task, checklist reset, due on the next working day the rule gives', async () => {
    // Friday 11 January 2030 at 09:00 WIB, always ahead; the agency's own holiday falls on Monday the 14th.
    const friday = new Date('2030-01-11T09:00:00+07:00');
    await api.gqlOk(
      'mutation($input: AddHolidayInput!) { addHoliday(input: $input) { id } }',
      { input: { date: '2030-01-14', kind: 'REGIONAL', name: 'Hari jadi kabupaten (uji)', unitId: org.agency } },
      await adminToken(api),
    );
    const task = await created(
      {
        title: 'Rekap absensi harian',
        assigneeIds: [],
        dueAt: friday.toISOString(),
        recurrence: 'FREQ=DAILY',
        checklist: ['Unduh data', 'Kirim rekap'],
      },
      org.staff.token,
    );
    expect(task.recurrence).toBe('FREQ=DAILY');
    for (const item of task.checklist) await api.gqlOk(TICK, { taskId: task.id, itemId: item.id, done: true }, org.staff.token);
    await progress({ taskId: task.id, status: 'IN_PROGRESS', note: 'Mulai' }, org.staff.token);
    const done = await progress({ taskId: task.id, status: 'DONE', note: 'Rekap terkirim' }, org.staff.token);
    expect(done.data!.updateTaskProgress.status).toBe('DONE');

    const mine = await api.gqlOk<any>(TASKS, { filter: { search: 'Rekap absensi', status: ['TODO'] } }, org.staff.token);
    expect(mine.tasks.edges).toHaveLength(1);
    const next = (await api.gqlOk<any>(TASK, { id: mine.tasks.edges[0].node.id }, org.staff.token)).task;
    // Saturday and Sunday are not working days, nor is the holiday on Monday: the daily rule's next working day is Tuesday, same time.
    expect(new Date(next.dueAt).toISOString()).toBe(new Date('2030-01-15T09:00:00+07:00').toISOString());
    expect(next).toMatchObject({ status: 'TODO', progress: 0, recurrence: 'FREQ=DAILY', assignees: [{ id: org.staff.id }] });
    expect(next.checklist.map((i: any) => [i.text, i.done])).toEqual([
      ['Unduh data', false],
      ['Kirim rekap', false],
    ]);
  });

  it('completes the disposition a task carries out, and refuses while work forwarded from it is open', async () => {
    const scan = await uploadPdf(api, org.clerk.token, 'Surat undangan');
    const letter = await api.gqlOk<any>(
      `mutation($input: RegisterIncomingLetterInput!) { registerIncomingLetter(input: $input) { id dispositions { assignments { id } } } }`,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          // Other suites register letters of the same sender in this database: the number tells this one apart.
          number: `005/${uniqueSuffix()}/BKD/2026`,
          letterDate: '2026-11-20',
          subject: 'Undangan rapat evaluasi SPBE',
          senderName: 'Badan Kepegawaian Daerah',
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          fileIds: [scan],
          addresseeIds: [org.head.id],
        },
      },
      org.clerk.token,
    );
    const letterId = letter.registerIncomingLetter.id;
    const headAssignment = letter.registerIncomingLetter.dispositions[0].assignments[0].id;
    const forwarded = await api.gqlOk<any>(
      'mutation($input: DisposeInput!) { dispose(input: $input) { assignments { id } } }',
      { input: { letterId, parentAssignmentId: headAssignment, assigneeIds: [org.division1.id], instructions: ['FOLLOW_UP'] } },
      org.head.token,
    );

    const foreign = await create({ title: 'Bukan disposisi saya', assigneeIds: [], sourceAssignmentId: headAssignment }, org.staff.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');

    const task = await created(
      { title: 'Menghadiri rapat evaluasi SPBE', assigneeIds: [], sourceAssignmentId: headAssignment },
      org.head.token,
    );
    expect(task.sourceAssignment).toEqual({ id: headAssignment, status: 'IN_PROGRESS' });
    await progress({ taskId: task.id, status: 'IN_PROGRESS', note: 'Menyiapkan bahan' }, org.head.token);
    const early = await progress({ taskId: task.id, status: 'DONE', note: 'Rapat sudah dihadiri' }, org.head.token);
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors![0].message).toMatch(/1 disposisi yang Anda teruskan darinya belum selesai/);
    // Nothing was half-written: the task is still in progress.
    expect((await api.gqlOk<any>(TASK, { id: task.id }, org.head.token)).task.status).toBe('IN_PROGRESS');

    await api.gqlOk(
      'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { id } }',
      { input: { assignmentId: forwarded.dispose.assignments[0].id, note: 'Sudah ditindaklanjuti' } },
      org.division1.token,
    );
    const done = (await progress({ taskId: task.id, status: 'DONE', note: 'Rapat sudah dihadiri' }, org.head.token)).data!
      .updateTaskProgress;
    expect(done).toMatchObject({ status: 'DONE', sourceAssignment: { id: headAssignment, status: 'COMPLETED' } });
  });

  it('lists my tasks, those I gave out and those of someone below me, with search and keyset pages', async () => {
    for (let i = 1; i <= 5; i++)
      await created({ title: `Verifikasi berkas usulan ${i}`, assigneeIds: [org.staff.id] }, org.division1.token);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await api.gqlOk<any>(TASKS, { filter: { search: 'verifikasi BERKAS' }, first: 2, after }, org.staff.token)).tasks;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e: any) => e.node.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Newest first, each once.
    expect(seen).toEqual([5, 4, 3, 2, 1].map((i) => `Verifikasi berkas usulan ${i}`));

    const given = await api.gqlOk<any>(TASKS, { filter: { assignedByMe: true, search: 'Verifikasi berkas' } }, org.division1.token);
    expect(given.tasks.totalCount).toBe(5);
    const ofStaff = await api.gqlOk<any>(TASKS, { filter: { assigneeId: org.staff.id, search: 'Verifikasi berkas' } }, org.head.token);
    expect(ofStaff.tasks.totalCount).toBe(5);
    const notMine = await api.gql(TASKS, { filter: { assigneeId: org.staff.id } }, org.secretary.token);
    expect(errorCode(notMine)).toBe('FORBIDDEN');
    expect(notMine.errors![0].message).toMatch(/Staf Bidang Satu tidak berada di bawah Anda/);
    const overdue = await api.gqlOk<any>(TASKS, { filter: { overdueOnly: true } }, org.staff.token);
    expect(overdue.tasks.totalCount).toBe(0);
  });
});
