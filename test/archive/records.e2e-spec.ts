import { DataSource } from 'typeorm';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';
import { createAgency } from '../harness/org';
import { ARCHIVE_FILE, archivePdf, CLOSE_DOSSIER, createCode, createDossier, RECORD, SEARCH } from './archive-support';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const REGISTER = `mutation($input: RegisterIncomingLetterInput!) {
  registerIncomingLetter(input: $input) { id number dispositions { assignments { id } } }
}`;
const UNFILED = `query($first: Int, $after: String) {
  unfiledLetters(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id number } } }
}`;
const ARCHIVE_LETTER = `mutation($input: ArchiveLetterInput!) {
  archiveLetter(input: $input) { id title securityLevel originality letter { id } dossier { id } file { id } }
}`;

describe('dossiers and records', () => {
  let api: TestApi;
  let admin: string;
  let org: Agency;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    org = await createAgency(api, admin);
    db = api.app.get(DataSource);
  });

  afterAll(() => api.close());

  it('numbers dossiers per unit and year, and lets only clerks create them', async () => {
    const first = await createDossier(api, org.clerk.token, { classificationCode: '000.1.1', physicalLocation: 'Ruang 2/Rak 3/Boks 7' });
    const second = await createDossier(api, org.clerk.token, { classificationCode: '000.1.1' });
    expect(first).toMatchObject({ phase: 'ACTIVE', legalHold: false, recordCount: 0, closedAt: null, classification: { code: '000.1.1' } });
    const seq = (n: string) => Number(n.split('/')[0]);
    expect(first.number).toMatch(/^\d{4}\/000\.1\.1\/U[0-9A-Z]+\/20\d\d$/);
    expect(seq(second.number)).toBe(seq(first.number) + 1);

    const byStaff = await api.gql(
      'mutation($input: CreateDossierInput!) { createDossier(input: $input) { id } }',
      { input: { title: 'Berkas staf', classificationCode: '000.1.1' } },
      org.staff.token,
    );
    expect(errorCode(byStaff)).toBe('FORBIDDEN');
    const unknownCode = await api.gql(
      'mutation($input: CreateDossierInput!) { createDossier(input: $input) { id } }',
      { input: { title: 'Berkas', classificationCode: '999.9' } },
      org.clerk.token,
    );
    expect(errorCode(unknownCode)).toBe('BAD_USER_INPUT');
    expect(unknownCode.errors![0].message).toContain('999.9');
  });

  it('archives a scan into a dossier, refusing a wrong code, a duplicate, a future date and a closed dossier', async () => {
    const dossier = await createDossier(api, org.clerk.token, { classificationCode: '000.1.1' });
    const record = await archivePdf(api, org.clerk.token, { dossierId: dossier.id, description: 'Undangan rapat koordinasi' });
    expect(record).toMatchObject({
      ocrStatus: 'PENDING',
      phase: 'ACTIVE',
      originality: 'ORIGINAL',
      dossier: { id: dossier.id, number: dossier.number },
      archivedBy: { id: org.clerk.id },
      activeUntil: '2028-01-15',
      inactiveUntil: '2031-01-15',
    });

    const fileId = await uploadPdf(api, org.clerk.token, 'Dokumen kode lain');
    const base = { fileId, title: 'Dokumen kode lain', documentDate: '2026-01-15', securityLevel: 'PUBLIC' };
    const wrongCode = await api.gql(
      ARCHIVE_FILE,
      { input: { ...base, classificationCode: '800.1', dossierId: dossier.id } },
      org.clerk.token,
    );
    expect(errorCode(wrongCode)).toBe('BAD_USER_INPUT');
    expect(wrongCode.errors![0].message).toContain(dossier.number);

    const future = await api.gql(
      ARCHIVE_FILE,
      { input: { ...base, classificationCode: '000.1.1', documentDate: '2099-01-01' } },
      org.clerk.token,
    );
    expect(errorCode(future)).toBe('BAD_USER_INPUT');

    const again = await api.gql(
      ARCHIVE_FILE,
      { input: { ...base, fileId: record.file.id, classificationCode: '000.1.1', title: 'Sama lagi' } },
      org.clerk.token,
    );
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain(record.title);

    const closed = (await api.gqlOk<any>(CLOSE_DOSSIER, { id: dossier.id }, org.clerk.token)).closeDossier;
    const late = await api.gql(ARCHIVE_FILE, { input: { ...base, classificationCode: '000.1.1', dossierId: dossier.id } }, org.clerk.token);
    expect(errorCode(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toContain(dossier.number);
    expect(closed.periodFrom).toBe('2026-01-15');
  });

  it('closing a dossier starts the retention clock of the dossier, its records and the lock of their files', async () => {
    const code = await createCode(api, admin, { activeYears: 2, inactiveYears: 3, finalDisposition: 'DESTROY' });
    const dossier = await createDossier(api, org.clerk.token, { classificationCode: code });
    const empty = await api.gql(CLOSE_DOSSIER, { id: dossier.id }, org.clerk.token);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    const record = await archivePdf(api, org.clerk.token, { dossierId: dossier.id, classificationCode: code, documentDate: '2025-03-01' });
    const closed = (await api.gqlOk<any>(CLOSE_DOSSIER, { id: dossier.id }, org.clerk.token)).closeDossier;
    const today = new Date(closed.closedAt);
    const year = Number(closed.closedAt.slice(0, 4));
    expect(closed.activeUntil).toBe(`${year + 2}${closed.activeUntil.slice(4)}`);
    expect(closed.inactiveUntil).toBe(`${year + 5}${closed.activeUntil.slice(4)}`);
    expect(closed).toMatchObject({ phase: 'ACTIVE', periodFrom: '2025-03-01', periodTo: '2025-03-01' });
    expect(today.getTime()).toBeLessThanOrEqual(Date.now());

    const view = (await api.gqlOk<any>(RECORD, { id: record.id }, org.clerk.token)).archiveRecord;
    expect(view).toMatchObject({ phase: 'ACTIVE' });
    const [file] = await db.query('SELECT retain_until, locked FROM stored_file WHERE id = $1', [record.file.id]);
    expect(file.locked).toBe(true);
    expect(new Date(file.retain_until).toISOString()).toBe(new Date(`${closed.inactiveUntil}T00:00:00+07:00`).toISOString());
    expect(errorCode(await api.gql(CLOSE_DOSSIER, { id: dossier.id }, org.clerk.token))).toBe('CONFLICT');

    const elsewhere = await api.gql(CLOSE_DOSSIER, { id: dossier.id }, org.stranger.token);
    expect(errorCode(elsewhere)).toBe('FORBIDDEN');
  });

  it('a legal hold extends the lock of the files and is audited', async () => {
    const dossier = await createDossier(api, org.clerk.token, { classificationCode: '000.1.1' });
    const record = await archivePdf(api, org.clerk.token, { dossierId: dossier.id });
    const HOLD = `mutation($id: ID!, $hold: Boolean!, $reason: String!) { setLegalHold(dossierId: $id, hold: $hold, reason: $reason) { id legalHold } }`;
    expect(errorCode(await api.gql(HOLD, { id: dossier.id, hold: true, reason: '  ' }, org.clerk.token))).toBe('BAD_USER_INPUT');
    const held = await api.gqlOk<any>(HOLD, { id: dossier.id, hold: true, reason: 'Perkara di PTUN' }, org.clerk.token);
    expect(held.setLegalHold.legalHold).toBe(true);
    expect((await api.gqlOk<any>(RECORD, { id: record.id }, org.clerk.token)).archiveRecord).toBeTruthy();
    const [file] = await db.query('SELECT retain_until FROM stored_file WHERE id = $1', [record.file.id]);
    expect(new Date(file.retain_until).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 10);
    expect(errorCode(await api.gql(HOLD, { id: dossier.id, hold: true, reason: 'Lagi' }, org.clerk.token))).toBe('CONFLICT');
    const trail = await api.gqlOk<any>(
      'query($id: ID!) { auditTrail(entityType: "Dossier", entityId: $id) { action } }',
      { id: dossier.id },
      admin,
    );
    expect(trail.auditTrail.map((e: any) => e.action)).toEqual(['dossier.created', 'dossier.legal-hold-set']);
  });

  it('reads records by the letters rule: classified ones reach the named people only, and every read of them is audited', async () => {
    const open = await archivePdf(api, org.clerk.token, { securityLevel: 'RESTRICTED' });
    const secret = await archivePdf(api, org.clerk.token, { securityLevel: 'SECRET' });
    // The head sits above the clerk: a RESTRICTED record reaches them, a SECRET one does not.
    expect((await api.gqlOk<any>(RECORD, { id: open.id }, org.head.token)).archiveRecord.id).toBe(open.id);
    const hidden = await api.gql(RECORD, { id: secret.id }, org.head.token);
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors![0].message).not.toContain(secret.title);
    expect(errorCode(await api.gql(RECORD, { id: open.id }, org.stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(RECORD, { id: open.id }, org.staff.token))).toBe('NOT_FOUND');

    await api.gqlOk(RECORD, { id: secret.id }, org.clerk.token);
    await api.gqlOk(RECORD, { id: open.id }, org.clerk.token);
    const trail = async (id: string) =>
      (
        await api.gqlOk<any>('query($id: ID!) { auditTrail(entityType: "ArchiveRecord", entityId: $id) { action } }', { id }, admin)
      ).auditTrail.map((e: any) => e.action);
    expect(await trail(secret.id)).toEqual(['archive-record.archived', 'archive-record.read']);
    // Listing it among a dossier's records is reading it too.
    const dossier = await createDossier(api, org.clerk.token, { classificationCode: '000.1.1' });
    const filed = await archivePdf(api, org.clerk.token, { dossierId: dossier.id, securityLevel: 'CONFIDENTIAL' });
    const listed = await api.gqlOk<any>(
      'query($id: ID!) { dossier(id: $id) { recordCount records(first: 10) { totalCount edges { node { id } } } } }',
      { id: dossier.id },
      org.clerk.token,
    );
    expect(listed.dossier.records.edges.map((e: any) => e.node.id)).toEqual([filed.id]);
    const asHeadListed = await api.gqlOk<any>(
      'query($id: ID!) { dossier(id: $id) { recordCount records { totalCount } } }',
      { id: dossier.id },
      org.head.token,
    );
    expect(asHeadListed.dossier).toEqual({ recordCount: 1, records: { totalCount: 0 } });
    expect(await trail(filed.id)).toEqual(['archive-record.archived', 'archive-record.read']);
    expect(await trail(open.id)).toEqual(['archive-record.archived']);

    // Search respects the same rule.
    const asHead = await api.gqlOk<any>(SEARCH, { query: secret.title }, org.head.token);
    expect(asHead.searchArchive.edges.map((e: any) => e.node.record.id)).not.toContain(secret.id);
    const asClerk = await api.gqlOk<any>(SEARCH, { query: secret.title }, org.clerk.token);
    expect(asClerk.searchArchive.edges[0].node.record.id).toBe(secret.id);

    // Downloading the file is reading the record: the stranger cannot.
    const url = 'query($id: ID!) { file(id: $id) { id } }';
    expect(errorCode(await api.gql(url, { id: open.file.id }, org.stranger.token))).toBe('NOT_FOUND');
    expect((await api.gqlOk<any>(url, { id: open.file.id }, org.head.token)).file.id).toBe(open.file.id);
  });

  it('lists completed letters for filing and archives one with its timeline, once', async () => {
    const fileId = await uploadPdf(api, org.clerk.token, 'Surat masuk untuk arsip');
    const number = `800/${Date.now()}/BKD/2026`;
    const letter = (
      await api.gqlOk<any>(
        REGISTER,
        {
          input: {
            kind: 'OFFICIAL_LETTER',
            number,
            letterDate: '2026-11-20',
            subject: 'Usulan kenaikan pangkat pegawai',
            senderName: 'Badan Kepegawaian Daerah',
            classificationCode: '800.2',
            securityLevel: 'PUBLIC',
            urgency: 'NORMAL',
            fileIds: [fileId],
            addresseeIds: [org.head.id],
          },
        },
        org.clerk.token,
      )
    ).registerIncomingLetter;
    const unfiled = async () =>
      (await api.gqlOk<any>(UNFILED, { first: 100 }, org.clerk.token)).unfiledLetters.edges.map((e: any) => e.node.id);
    expect(await unfiled()).not.toContain(letter.id);
    const early = await api.gql(ARCHIVE_LETTER, { input: { letterId: letter.id } }, org.clerk.token);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toContain(number);

    await api.gqlOk(
      'mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { status } }',
      { input: { assignmentId: letter.dispositions[0].assignments[0].id, note: 'Sudah diproses' } },
      org.head.token,
    );
    expect(await unfiled()).toContain(letter.id);
    expect(errorCode(await api.gql(UNFILED, {}, org.staff.token))).toBe('FORBIDDEN');

    const dossier = await createDossier(api, org.clerk.token, { classificationCode: '800.2' });
    const record = (await api.gqlOk<any>(ARCHIVE_LETTER, { input: { letterId: letter.id, dossierId: dossier.id } }, org.clerk.token))
      .archiveLetter;
    expect(record).toMatchObject({
      title: 'Usulan kenaikan pangkat pegawai',
      letter: { id: letter.id },
      dossier: { id: dossier.id },
      file: { id: fileId },
    });
    expect(await unfiled()).not.toContain(letter.id);

    // Its number finds it first, whole or by its leading parts; a record that only mentions the number in its
    // title comes after it. A middle part starts no number, so it is matched as a substring of both.
    const seq = number.split('/')[1];
    const mention = await archivePdf(api, org.clerk.token, {}, `Tindak lanjut surat ${number}`);
    const hits = async (query: string) =>
      (await api.gqlOk<any>(SEARCH, { query }, org.clerk.token)).searchArchive.edges.map((e: any) => [e.node.record.id, e.node.score]);
    for (const query of [number, number.toLowerCase(), `800/${seq}`, `800/${seq}/BKD`]) {
      const found = await hits(query);
      expect(found[0]).toEqual([record.id, 3]);
      expect(found).toContainEqual([mention.id, 2]);
    }
    expect(await hits(`${seq}/BKD`)).toEqual(
      expect.arrayContaining([
        [record.id, 3],
        [mention.id, 3],
      ]),
    );
    const [timeline] = await db.query(
      `SELECT f.content_type, f.retain_until FROM archive_record_file a JOIN stored_file f ON f.id = a.file_id WHERE a.record_id = $1 AND a.role = 'TIMELINE'`,
      [record.id],
    );
    expect(timeline.content_type).toBe('application/pdf');
    const again = await api.gql(ARCHIVE_LETTER, { input: { letterId: letter.id } }, org.clerk.token);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain(number);

    // The addressee reads the archived letter through the letter's own rule.
    expect((await api.gqlOk<any>(RECORD, { id: record.id }, org.head.token)).archiveRecord.letter.id).toBe(letter.id);
    expect(errorCode(await api.gql(RECORD, { id: record.id }, org.stranger.token))).toBe('NOT_FOUND');
  });
});
