import type { INestApplicationContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import * as yauzl from 'yauzl';
import { RetentionService } from '@gesit/archive';
import { PdfTools } from '@gesit/approvals/testing';
import { errorCode, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { uploadPdf } from '../harness/files';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { createAgency } from '../harness/org';
import { archivePdf, CLOSE_DOSSIER, createCode, createDossier, RECORD, SEARCH } from './archive-support';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const PROPOSAL =
  'id kind status appraisalNote decisionNote executedAt dossiers { id number phase readOnly } committee { id } proposedBy { id } decidedBy { id } listFile { id downloadUrl } minutesFile { id downloadUrl }';
const CANDIDATES = `query($kind: DisposalKind!) { disposalCandidates(kind: $kind, first: 100) { edges { node { id number } } } }`;
const PROPOSE = `mutation($input: ProposeDisposalInput!) { proposeDisposal(input: $input) { ${PROPOSAL} } }`;
const APPRAISE = `mutation($id: ID!, $note: String!) { appraiseDisposal(proposalId: $id, note: $note) { ${PROPOSAL} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $note: String, $letter: ID) {
  decideDisposal(proposalId: $id, approve: $approve, note: $note, approvalLetterFileId: $letter) { ${PROPOSAL} }
}`;
const EXECUTE = `mutation($id: ID!) { executeDisposal(proposalId: $id) { ${PROPOSAL} packageFile { id downloadUrl } } }`;
const HOLD = `mutation($id: ID!, $hold: Boolean!) { setLegalHold(dossierId: $id, hold: $hold, reason: "Pemeriksaan BPK") { id legalHold } }`;

describe('retention and disposal', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;
  let org: Agency;
  let db: DataSource;
  const tools = new PdfTools();

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({ STORAGE_DIR: api.config.storageDir });
    admin = await adminToken(api);
    org = await createAgency(api, admin);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    tools.cleanup();
    await worker.close();
    await api.close();
  });

  /** A closed dossier of `records` records under `code`. */
  async function closedDossier(code: string, records = 2) {
    const dossier = await createDossier(api, org.clerk.token, { classificationCode: code, title: `Berkas uji ${uniqueSuffix()}` });
    const archived = [];
    for (let i = 0; i < records; i++)
      archived.push(await archivePdf(api, org.clerk.token, { dossierId: dossier.id, classificationCode: code }));
    const closed = (await api.gqlOk<any>(CLOSE_DOSSIER, { id: dossier.id }, org.clerk.token)).closeDossier;
    return { ...dossier, ...closed, records: archived };
  }

  const candidates = async (kind: string) =>
    (await api.gqlOk<any>(CANDIDATES, { kind }, org.clerk.token)).disposalCandidates.edges.map((e: any) => e.node.id);

  const download = async (url: string) => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('moves closed dossiers through the phases in one sweep, never one on legal hold', async () => {
    const code = await createCode(api, admin, { activeYears: 1, inactiveYears: 1, finalDisposition: 'DESTROY' });
    const [toInactive, toDue, held] = [await closedDossier(code, 1), await closedDossier(code, 1), await closedDossier(code, 1)];
    expect(toInactive.phase).toBe('ACTIVE');
    await api.gqlOk(HOLD, { id: held.id, hold: true }, org.clerk.token);
    // Time passes: the dossiers' clocks are moved back as a year and two would.
    await db.query(`UPDATE dossier SET active_until = current_date - 1, inactive_until = current_date + 300 WHERE id = $1`, [
      toInactive.id,
    ]);
    await db.query(`UPDATE dossier SET active_until = current_date - 400, inactive_until = current_date - 35 WHERE id = ANY($1::uuid[])`, [
      [toDue.id, held.id],
    ]);
    const { moved } = await worker.get(RetentionService).sweep();
    const ours = moved.filter((m) => [toInactive.id, toDue.id, held.id].includes(m.id));
    expect(ours.map((m) => [m.number, m.to]).sort()).toEqual(
      [
        [toInactive.number, 'INACTIVE'],
        [toDue.number, 'DUE_FOR_DISPOSAL'],
      ].sort(),
    );
    expect((await worker.get(RetentionService).sweep()).moved.filter((m) => m.id === toDue.id)).toEqual([]);
    const phase = async (id: string) =>
      (await api.gqlOk<any>('query($id: ID!) { dossier(id: $id) { phase } }', { id }, org.clerk.token)).dossier.phase;
    expect(await phase(held.id)).toBe('ACTIVE');
    expect(await candidates('DESTROY')).toContain(toDue.id);
    expect(await candidates('DESTROY')).not.toContain(held.id);
    expect(await candidates('DESTROY')).not.toContain(toInactive.id);
  });

  it('destroys a dossier through proposal, appraisal and decision, ending in a signed berita acara and tombstones', async () => {
    const code = await createCode(api, admin, { activeYears: 0, inactiveYears: 0, finalDisposition: 'DESTROY' });
    const dossier = await closedDossier(code);
    const [kept, other] = dossier.records;
    expect(await candidates('DESTROY')).toContain(dossier.id);
    expect(await candidates('TRANSFER')).not.toContain(dossier.id);

    const input = { kind: 'DESTROY', dossierIds: [dossier.id], committeeIds: [org.secretary.id, org.division1.id] };
    expect(errorCode(await api.gql(PROPOSE, { input }, org.staff.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(PROPOSE, { input: { ...input, kind: 'TRANSFER' } }, org.clerk.token))).toBe('BAD_USER_INPUT');
    const proposed = (await api.gqlOk<any>(PROPOSE, { input }, org.clerk.token)).proposeDisposal;
    expect(proposed).toMatchObject({ status: 'PROPOSED', kind: 'DESTROY', proposedBy: { id: org.clerk.id } });
    const list = tools.pageTexts(await download(proposed.listFile.downloadUrl)).join('\n');
    // The committee reads the list it appraises; a stranger to the procedure does not.
    const listFile = 'query($id: ID!) { file(id: $id) { id } }';
    expect((await api.gqlOk<any>(listFile, { id: proposed.listFile.id }, org.division1.token)).file.id).toBe(proposed.listFile.id);
    expect(errorCode(await api.gql(listFile, { id: proposed.listFile.id }, org.staff.token))).toBe('NOT_FOUND');
    expect(list).toContain('DAFTAR ARSIP USUL MUSNAH');
    expect(list).toContain(dossier.number);
    expect(await candidates('DESTROY')).not.toContain(dossier.id);
    expect(errorCode(await api.gql(PROPOSE, { input }, org.clerk.token))).toBe('BAD_USER_INPUT');

    expect(errorCode(await api.gql(DECIDE, { id: proposed.id, approve: true }, org.head.token))).toBe('CONFLICT');
    expect(errorCode(await api.gql(APPRAISE, { id: proposed.id, note: 'Setuju' }, org.stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(APPRAISE, { id: proposed.id, note: ' ' }, org.secretary.token))).toBe('BAD_USER_INPUT');
    const appraised = (
      await api.gqlOk<any>(APPRAISE, { id: proposed.id, note: 'Arsip tidak bernilai guna lagi; layak musnah.' }, org.secretary.token)
    ).appraiseDisposal;
    expect(appraised.status).toBe('APPRAISED');

    const byDivision = await api.gql(DECIDE, { id: proposed.id, approve: true }, org.division1.token);
    expect(errorCode(byDivision)).toBe('FORBIDDEN');
    expect(byDivision.errors![0].message).toContain('Dinas Uji');
    expect(errorCode(await api.gql(DECIDE, { id: proposed.id, approve: true }, org.stranger.token))).toBe('FORBIDDEN');
    const approved = (await api.gqlOk<any>(DECIDE, { id: proposed.id, approve: true, note: 'Disetujui' }, org.head.token)).decideDisposal;
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: { id: org.head.id } });

    // A legal hold stops the execution, and extends the lock of the files, which then refuses it by name.
    await api.gqlOk(HOLD, { id: dossier.id, hold: true }, org.clerk.token);
    const held = await api.gql(EXECUTE, { id: proposed.id }, org.clerk.token);
    expect(errorCode(held)).toBe('CONFLICT');
    expect(held.errors![0].message).toContain(dossier.number);
    await api.gqlOk(HOLD, { id: dossier.id, hold: false }, org.clerk.token);
    const locked = await api.gql(EXECUTE, { id: proposed.id }, org.clerk.token);
    expect(errorCode(locked)).toBe('CONFLICT');
    expect(locked.errors![0].message).toContain(kept.title);
    expect(locked.errors![0].message).toContain('terkunci sampai');
    // Ten years later, the locks have run out.
    await db.query(
      `UPDATE stored_file SET retain_until = now() - interval '1 day' WHERE id IN (SELECT file_id FROM archive_record WHERE dossier_id = $1)`,
      [dossier.id],
    );

    const executed = (await api.gqlOk<any>(EXECUTE, { id: proposed.id }, org.clerk.token)).executeDisposal;
    expect(executed).toMatchObject({ status: 'EXECUTED', dossiers: [{ id: dossier.id, phase: 'DESTROYED' }] });
    const minutes = await download(executed.minutesFile.downloadUrl);
    const report = tools.pdfsig(minutes);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    const text = tools.pageTexts(minutes).join('\n');
    expect(text).toContain('BERITA ACARA PEMUSNAHAN ARSIP');
    expect(text).toContain(dossier.number);

    const tombstone = (
      await api.gqlOk<any>(
        `query($id: ID!) { archiveRecord(id: $id) { title phase destroyedAt file { sha256 } } }`,
        { id: kept.id },
        org.clerk.token,
      )
    ).archiveRecord;
    expect(tombstone).toMatchObject({ title: kept.title, phase: 'DESTROYED', file: { sha256: kept.file.sha256 } });
    expect(tombstone.destroyedAt).not.toBeNull();
    const found = await api.gqlOk<any>(SEARCH, { query: other.title }, org.clerk.token);
    expect(found.searchArchive.edges.map((e: any) => e.node.record.id)).not.toContain(other.id);
    const [{ pages }] = await db.query('SELECT count(*)::int AS pages FROM archive_record_page WHERE record_id = ANY($1::uuid[])', [
      [kept.id, other.id],
    ]);
    expect(pages).toBe(0);
    const gone = await api.gqlOk<any>('query($id: ID!) { file(id: $id) { downloadUrl } }', { id: kept.file.id }, org.clerk.token);
    expect((await fetch(gone.file.downloadUrl)).status).toBe(404);
    expect(errorCode(await api.gql(EXECUTE, { id: proposed.id }, org.clerk.token))).toBe('CONFLICT');

    const trail = await api.gqlOk<any>(
      'query($id: ID!) { auditTrail(entityType: "DisposalProposal", entityId: $id) { action } }',
      { id: proposed.id },
      admin,
    );
    expect(trail.auditTrail.map((e: any) => e.action)).toEqual([
      'disposal.proposed',
      'disposal.appraised',
      'disposal.approved',
      'disposal.executed',
    ]);
  });

  it("requires the national archive's approval letter to destroy records kept 10 years or more", async () => {
    const code = await createCode(api, admin, { activeYears: 0, inactiveYears: 0, finalDisposition: 'DESTROY' });
    const dossier = await closedDossier(code, 1);
    // The JRA is revised after closing: the dossier now counts as kept ten years.
    await api.gqlOk(
      'mutation($input: ClassificationCodeInput!) { upsertClassificationCode(input: $input) { code } }',
      { input: { code, parentCode: '000.5', name: 'Retensi panjang', activeYears: 5, inactiveYears: 5, finalDisposition: 'DESTROY' } },
      admin,
    );
    const proposed = (
      await api.gqlOk<any>(
        PROPOSE,
        { input: { kind: 'DESTROY', dossierIds: [dossier.id], committeeIds: [org.secretary.id] } },
        org.clerk.token,
      )
    ).proposeDisposal;
    await api.gqlOk(APPRAISE, { id: proposed.id, note: 'Layak musnah' }, org.secretary.token);
    const without = await api.gql(DECIDE, { id: proposed.id, approve: true }, org.head.token);
    expect(errorCode(without)).toBe('BAD_USER_INPUT');
    expect(without.errors![0].message).toContain(dossier.number);
    expect(without.errors![0].message).toContain('ANRI');
    const letter = await uploadPdf(api, org.head.token, 'Persetujuan Kepala ANRI');
    const approved = (await api.gqlOk<any>(DECIDE, { id: proposed.id, approve: true, letter }, org.head.token)).decideDisposal;
    expect(approved.status).toBe('APPROVED');
  });

  it('transfers permanent records as a package with metadata and SHA-256 manifest, leaving the dossier read-only', async () => {
    const code = await createCode(api, admin, { activeYears: 0, inactiveYears: 0, finalDisposition: 'PERMANENT' });
    const dossier = await closedDossier(code);
    expect(await candidates('TRANSFER')).toContain(dossier.id);
    expect(await candidates('DESTROY')).not.toContain(dossier.id);
    const proposed = (
      await api.gqlOk<any>(
        PROPOSE,
        { input: { kind: 'TRANSFER', dossierIds: [dossier.id], committeeIds: [org.division1.id] } },
        org.clerk.token,
      )
    ).proposeDisposal;
    await api.gqlOk(APPRAISE, { id: proposed.id, note: 'Bernilai guna sejarah' }, org.division1.token);
    const rejected = await api.gql(DECIDE, { id: proposed.id, approve: false, note: 'Lengkapi dulu' }, org.head.token);
    expect(rejected.data!.decideDisposal.status).toBe('REJECTED');
    expect(errorCode(await api.gql(EXECUTE, { id: proposed.id }, org.clerk.token))).toBe('CONFLICT');

    const again = (
      await api.gqlOk<any>(
        PROPOSE,
        { input: { kind: 'TRANSFER', dossierIds: [dossier.id], committeeIds: [org.division1.id] } },
        org.clerk.token,
      )
    ).proposeDisposal;
    await api.gqlOk(APPRAISE, { id: again.id, note: 'Bernilai guna sejarah' }, org.division1.token);
    await api.gqlOk(DECIDE, { id: again.id, approve: true }, org.head.token);
    const executed = (await api.gqlOk<any>(EXECUTE, { id: again.id }, org.clerk.token)).executeDisposal;
    expect(executed.dossiers[0]).toMatchObject({ phase: 'TRANSFERRED', readOnly: true });
    expect(tools.pdfsig(await download(executed.minutesFile.downloadUrl))).toContain('Signature is Valid.');

    const entries = await zipEntries(await download(executed.packageFile.downloadUrl));
    expect(Object.keys(entries).sort()).toEqual(
      expect.arrayContaining(['metadata.csv', 'manifest-sha256.txt', ...dossier.records.map((r: any) => expect.stringContaining(r.id))]),
    );
    const manifest = entries['manifest-sha256.txt'].toString('utf8');
    for (const r of dossier.records) expect(manifest).toContain(r.file.sha256);
    // Every file in the package is whole: its bytes hash to its line in the manifest.
    for (const line of manifest.trim().split('\n')) {
      const [sha256, path] = line.split('  ');
      expect(createHash('sha256').update(entries[path]).digest('hex')).toBe(sha256);
    }
    expect(entries['metadata.csv'].toString('utf8')).toContain(dossier.records[0].title);
    // Still readable, no longer changeable.
    expect((await api.gqlOk<any>(RECORD, { id: dossier.records[0].id }, org.clerk.token)).archiveRecord.phase).toBe('TRANSFERRED');
    expect(errorCode(await api.gql(HOLD, { id: dossier.id, hold: true }, org.clerk.token))).toBe('CONFLICT');
  });
});

async function zipEntries(zip: Buffer): Promise<Record<string, Buffer>> {
  const file = await yauzl.fromBufferPromise(zip);
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      file.readEntry();
    });
    file.on('end', () => resolve());
    file.on('error', reject);
    file.readEntry();
  });
  const out: Record<string, Buffer> = {};
  for (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out[entry.fileName] = Buffer.concat(chunks);
  }
  return out;
}
