import { makePdf, upload, uploadPdf } from '../harness/files';
import { startTestApi, type TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';

const EN = { 'accept-language': 'en' };

/**
 * Errors speak Indonesian unless the client asks for English, name people and letters rather than ids, and
 * a refused input lists every bad field at once: across identity, correspondence, approvals, tasks and archive.
 */
describe('errors in the request language', () => {
  let api: TestApi;
  let org: Agency;
  const names = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
    for (const person of [org.division1, org.staff, org.stranger]) {
      const { me } = await api.gqlOk<{ me: { name: string } }>('{ me { name } }', {}, person.token);
      names.set(person.id, me.name);
    }
  });

  afterAll(async () => {
    await api.close();
  });

  /** The first error's code and message, asked in Indonesian (default) and in English. */
  async function both(query: string, variables: Record<string, unknown>, token?: string) {
    const [id, en] = await Promise.all([api.gql(query, variables, token), api.gql(query, variables, token, EN)]);
    expect(id.errors?.[0]?.extensions?.code).toBe(en.errors?.[0]?.extensions?.code);
    return { code: id.errors?.[0]?.extensions?.code, id: id.errors![0], en: en.errors![0] };
  }

  it('identity: asks to sign in, in Indonesian by default and in English on request', async () => {
    const res = await both('{ me { id } }', {});
    expect(res.code).toBe('UNAUTHENTICATED');
    expect(res.id.message).toMatch(/^Masuk terlebih dahulu/);
    expect(res.en.message).toMatch(/^Sign in first/);
    const login = await both(
      'mutation { login(input: { identifier: "tidak.ada@example.go.id", password: "salah-sekali-123" }) { __typename } }',
      {},
    );
    expect(login.id.message).toMatch(/^Gagal masuk: periksa NIP atau alamat e-mail/);
    expect(login.en.message).toMatch(/^Sign-in failed: check your NIP or e-mail address/);
  });

  it('correspondence: reports every bad field of a registration at once', async () => {
    const fileId = await uploadPdf(api, org.clerk.token, 'Surat salah isi');
    const query = `mutation($input: RegisterIncomingLetterInput!) { registerIncomingLetter(input: $input) { id } }`;
    const input = {
      kind: 'OFFICIAL_LETTER',
      number: '  ',
      letterDate: '2026-11-20',
      senderName: '',
      subject: 'Undangan rapat',
      classificationCode: '999.9.9',
      securityLevel: 'PUBLIC',
      urgency: 'NORMAL',
      addresseeIds: [org.head.id],
      fileIds: [fileId],
    };
    const res = await both(query, { input }, org.clerk.token);
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.id.extensions?.fields).toEqual([
      { field: 'number', message: 'Isian number wajib diisi.' },
      { field: 'senderName', message: 'Isian senderName wajib diisi.' },
      { field: 'classificationCode', message: expect.stringMatching(/^Kode klasifikasi 999\.9\.9 tidak ada dalam pola klasifikasi/) },
    ]);
    expect(res.id.message).toMatch(/^Ada 3 isian yang perlu diperbaiki\./);
    expect(res.en.extensions?.fields).toEqual([
      { field: 'number', message: 'number is required.' },
      { field: 'senderName', message: 'senderName is required.' },
      { field: 'classificationCode', message: expect.stringMatching(/^Classification code 999\.9\.9 is not in the scheme/) },
    ]);
    expect(res.en.message).toMatch(/^3 fields need fixing\./);
  });

  it('correspondence: a disposition outside the chain of command names the person, not their id', async () => {
    const letter = await registerIncomingLetter(api, org.clerk.token, { subject: 'Permohonan data', addresseeIds: [org.head.id] });
    const query = 'mutation($input: DisposeInput!) { dispose(input: $input) { id } }';
    const input = {
      letterId: letter.id,
      parentAssignmentId: letter.assignmentId,
      assigneeIds: [org.stranger.id],
      instructions: ['FOLLOW_UP'],
    };
    const res = await both(query, { input }, org.head.token);
    expect(res.code).toBe('BAD_USER_INPUT');
    const stranger = names.get(org.stranger.id)!;
    expect(res.id.message).toBe(`Disposisi mengalir turun menurut rantai komando; ${stranger} tidak berada di bawah Anda.`);
    expect(res.en.message).toBe(`A disposition goes down the chain of command; ${stranger} not below you.`);
    for (const message of [res.id.message, res.en.message]) expect(message).not.toContain(org.stranger.id);
    expect(res.id.extensions?.fields).toEqual([{ field: 'assigneeIds', message: res.id.message }]);
  });

  it('approvals: a chain naming the same reviewer twice is refused in both languages', async () => {
    const draftFileId = await uploadPdf(api, org.staff.token, 'Konsep nota dinas ${ttd}');
    const { createOutgoingDraft } = await api.gqlOk<any>(
      `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }`,
      {
        input: {
          kind: 'MEMO',
          subject: 'Nota dinas uji bahasa',
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId,
          internalRecipientIds: [org.head.id],
        },
      },
      org.staff.token,
    );
    const res = await both(
      'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id } }',
      { input: { letterId: createOutgoingDraft.id, reviewerIds: [org.division1.id, org.division1.id], signerId: org.head.id } },
      org.staff.token,
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.id.message).toBe('reviewerIds memuat orang yang sama dua kali.');
    expect(res.en.message).toBe('reviewerIds lists the same person twice.');
  });

  it('tasks: a task for someone outside the chain of command names them in both languages', async () => {
    const res = await both(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      { input: { title: 'Menyusun laporan', assigneeIds: [org.stranger.id] } },
      org.division1.token,
    );
    expect(res.code).toBe('FORBIDDEN');
    const stranger = names.get(org.stranger.id)!;
    expect(res.id.message).toContain(`; ${stranger} tidak berada di bawah Anda.`);
    expect(res.en.message).toBe(
      `You can give tasks only to yourself or people below you in the chain of command; ${stranger} not below you.`,
    );
  });

  it('tasks: reports every bad field of a new task at once', async () => {
    const res = await both(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      { input: { title: '   ', assigneeIds: [], estimateMinutes: -5, checklist: ['Siapkan bahan', ' '] } },
      org.staff.token,
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.id.extensions?.fields).toEqual([
      { field: 'title', message: 'Judul tugas wajib diisi.' },
      { field: 'checklist.1', message: 'Butir daftar periksa ke-2 wajib diisi.' },
      { field: 'estimateMinutes', message: expect.stringMatching(/^Perkiraan waktu \(estimateMinutes\) harus 0 sampai/) },
    ]);
    expect(res.id.message).toMatch(/^Ada 3 isian yang perlu diperbaiki\./);
    expect(res.en.extensions?.fields).toEqual([
      { field: 'title', message: 'The task title is required.' },
      { field: 'checklist.1', message: 'Checklist item 2 is required.' },
      { field: 'estimateMinutes', message: expect.stringMatching(/^The estimate \(estimateMinutes\) must be 0 to/) },
    ]);
    expect(res.en.message).toMatch(/^3 fields need fixing\./);
  });

  it('tasks: reports every bad field of a work arrangement request at once', async () => {
    const res = await both(
      'mutation($input: RequestWorkArrangementInput!) { requestWorkArrangement(input: $input) { id } }',
      {
        input: {
          kind: 'TIME',
          weekdays: [1, 9],
          startTime: '7 pagi',
          endTime: '15:00',
          startsOn: '2027-01-04',
          endsOn: '2027-01-29',
          reason: 'antar anak',
        },
      },
      org.staff.token,
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect((res.id.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['weekdays', 'startTime']);
    expect(res.id.message).toMatch(/^Ada 2 isian yang perlu diperbaiki\. Hari kerja \(weekdays\) diisi angka 1/);
    expect(res.en.message).toMatch(/^2 fields need fixing\. Working days \(weekdays\) are numbers 1/);
    expect(res.en.message).toContain('Time flexibility needs start and end times as HH:mm');
  });

  it('identity: reports every bad field of a new user at once', async () => {
    const res = await both(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { nip: '1234', name: 'Rina Wulandari', email: 'rina@', password: 'pendek', roles: ['STAFF'] } },
      await adminToken(api),
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.en.extensions?.fields).toEqual([
      { field: 'nip', message: 'NIP "1234" must have exactly 18 digits.' },
      { field: 'email', message: '"rina@" is not an e-mail address.' },
      { field: 'password', message: 'The password is too short: use at least 12 characters.' },
    ]);
    expect(res.id.message).toMatch(/^Ada 3 isian yang perlu diperbaiki\. NIP "1234" harus terdiri atas tepat 18 angka\./);
  });

  it('identity: lists the taken NIP, e-mail and position of a new user with the other bad fields, in both languages', async () => {
    const admin = await adminToken(api);
    const { me } = await api.gqlOk<any>('{ me { nip email position { id title } } }', {}, org.staff.token);
    const query = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const taken = { nip: me.nip, email: me.email, positionId: me.position.id, roles: ['STAFF'] };
    const mixed = await both(query, { input: { ...taken, name: ' ', password: 'pendek' } }, admin);
    expect(mixed.code).toBe('BAD_USER_INPUT');
    expect((mixed.en.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'name',
      'password',
      'nip',
      'email',
      'positionId',
    ]);
    const staffName = names.get(org.staff.id)!;
    expect(mixed.en.extensions?.fields).toContainEqual({ field: 'nip', message: `A user with NIP ${me.nip} already exists.` });
    expect(mixed.en.extensions?.fields).toContainEqual({
      field: 'positionId',
      message: `The position ${me.position.title} is already held by ${staffName}; a position has one holder at most.`,
    });
    expect(mixed.id.message).toMatch(/^Ada 5 isian yang perlu diperbaiki\./);
    expect(mixed.id.message).toContain(`Jabatan ${me.position.title} sudah dipangku oleh ${staffName}`);
    // Only taken values: a conflict, still naming each field.
    const clash = await both(query, { input: { ...taken, name: 'Rina Wulandari', password: 'Sandi#Panjang2026' } }, admin);
    expect(clash.code).toBe('CONFLICT');
    expect((clash.id.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['nip', 'email', 'positionId']);
    // A position that is not there is listed with a bad e-mail.
    const missing = await both(
      query,
      {
        input: {
          ...taken,
          nip: '199001012020121001',
          email: 'rina@',
          positionId: '00000000-0000-4000-8000-000000000000',
          name: 'Rina',
          password: 'Sandi#Panjang2026',
        },
      },
      admin,
    );
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.en.extensions?.fields).toEqual([
      { field: 'email', message: '"rina@" is not an e-mail address.' },
      { field: 'positionId', message: 'Position was not found.' },
    ]);
  });

  it('identity: a delegation to nobody known over a reversed window lists both fields', async () => {
    const res = await both(
      'mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }',
      {
        input: {
          kind: 'PLH',
          toUserId: '00000000-0000-4000-8000-000000000000',
          startsAt: '2027-01-05T01:00:00Z',
          endsAt: '2027-01-04T01:00:00Z',
        },
      },
      org.division1.token,
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.en.extensions?.fields).toEqual([
      { field: 'endsAt', message: 'endsAt must be later than startsAt.' },
      { field: 'toUserId', message: 'The delegate was not found.' },
    ]);
    expect(res.id.message).toMatch(/^Ada 2 isian yang perlu diperbaiki\..*Pengguna yang ditunjuk sebagai Plh\/Plt tidak ditemukan\.$/);
  });

  it('approvals: a draft with a blank subject, an unknown code and unknown or too long recipients lists all of them', async () => {
    const draftFileId = await uploadPdf(api, org.staff.token, 'Konsep salah isi ${ttd}');
    const res = await both(
      'mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }',
      {
        input: {
          kind: 'MEMO',
          subject: ' ',
          classificationCode: '999.9.9',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId,
          internalRecipientIds: ['00000000-0000-4000-8000-000000000000'],
          externalRecipients: ['x'.repeat(501)],
        },
      },
      org.staff.token,
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect((res.en.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'subject',
      'classificationCode',
      'internalRecipientIds',
      'externalRecipients',
    ]);
    expect(res.en.message).toMatch(/^4 fields need fixing\. subject is required\. Classification code 999\.9\.9 is not in the scheme/);
    expect(res.id.message).toContain('Penerima ini tidak ada atau tidak memangku jabatan: pengguna tidak dikenal.');
  });

  it('approvals: a letter template with bad text, an unknown unit and a logo that is no image lists all of them', async () => {
    const pdf = await uploadPdf(api, org.clerk.token, 'Bukan logo');
    const res = await both(
      'mutation($input: LetterTemplateInput!) { saveLetterTemplate(input: $input) { id } }',
      {
        input: {
          name: ' ',
          letterheadLines: ['PEMERINTAH KOTA UJI'],
          place: 'x'.repeat(101),
          unitId: '00000000-0000-4000-8000-000000000000',
          logoFileId: pdf,
        },
      },
      await adminToken(api),
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.en.extensions?.fields).toEqual([
      { field: 'name', message: 'The template name is missing.' },
      { field: 'place', message: 'The place of signing is too long: at most 100 characters, this is 101.' },
      { field: 'unitId', message: 'Unit was not found.' },
      { field: 'logoFileId', message: 'The logo must be a PNG or JPEG file uploaded through POST /files.' },
    ]);
    expect(res.id.message).toMatch(/^Ada 4 isian yang perlu diperbaiki\. Nama templat belum diisi\./);
  });

  it('archive: a dossier with a long title, an unknown classification code and an unknown unit lists all of them', async () => {
    const res = await both(
      'mutation($input: CreateDossierInput!) { createDossier(input: $input) { id } }',
      { input: { title: 'x'.repeat(501), classificationCode: '999.9.9', unitId: '00000000-0000-4000-8000-000000000000' } },
      org.clerk.token,
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.en.extensions?.fields).toEqual([
      { field: 'title', message: 'The dossier title is too long: at most 500 characters.' },
      { field: 'classificationCode', message: expect.stringMatching(/^Classification code 999\.9\.9 is not in the scheme/) },
      { field: 'unitId', message: 'Unit was not found.' },
    ]);
    expect(res.id.message).toMatch(/^Ada 3 isian yang perlu diperbaiki\. Judul berkas terlalu panjang/);
  });

  it('archive: an empty search says what to do in both languages', async () => {
    const res = await both('query { searchArchive(query: "   ") { totalCount } }', {}, org.staff.token);
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.id.message).toBe('Tulis kata yang dicari.');
    expect(res.en.message).toBe('Type what to search for.');
  });

  it('scalars and not-found: our own texts, never an id', async () => {
    const date = await both('query($at: DateTime!) { computeDueAt(start: $at, workingHours: 1) }', { at: 'besok pagi' }, org.staff.token);
    expect(date.code).toBe('BAD_USER_INPUT');
    expect(date.id.message).toContain('bukan waktu ISO-8601 dengan zona waktu');
    expect(date.en.message).toContain('is not an ISO-8601 instant with a zone');
    const missing = '00000000-0000-4000-8000-000000000000';
    const letter = await both('query($id: ID!) { letter(id: $id) { id } }', { id: missing }, org.staff.token);
    expect(letter.code).toBe('NOT_FOUND');
    expect([letter.id.message, letter.en.message]).toEqual(['Surat tidak ditemukan.', 'Letter was not found.']);
  });

  it('POST /files refuses an unknown type in the language asked for', async () => {
    const bytes = Buffer.from('bukan berkas yang dikenal');
    const id = await upload(api, org.staff.token, bytes, 'catatan.bin');
    expect(id.status).toBe(415);
    expect(id.body.error?.message).toMatch(/^Hanya berkas PDF, PNG, JPEG, TIFF, ZIP dan CSV yang diterima/);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'catatan.bin');
    const en = await fetch(`${api.url}/files`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${org.staff.token}`, 'accept-language': 'en' },
    });
    expect(en.status).toBe(415);
    expect(((await en.json()) as { error: { message: string } }).error.message).toMatch(
      /^Only PDF, PNG, JPEG, TIFF, ZIP and CSV files are accepted/,
    );
    expect((await upload(api, org.staff.token, await makePdf('Sah'), 'sah.pdf', 'application/pdf')).status).toBe(201);
  });
});
