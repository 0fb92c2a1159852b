import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createObjectStorage, type ObjectStorage } from '@gesit/platform';
import { generateDevelopmentCertificate, LocalP12Signer } from '@gesit/approvals';
import { BSRE_STAND_IN, bsreStandIn, PdfTools } from '@gesit/approvals/testing';
import { errorCode, startTestApi, startTestWorker, type TestApi } from '../harness/app';
import { TEST_DATABASE_URL, testEnv } from '../harness/env';
import { makePdf, upload } from '../harness/files';
import { adminToken } from '../harness/identity';
import { createPerson, createUnit, type Person } from '../harness/org';

jest.setTimeout(600_000);

const CREATE = `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id approvalSteps { id kind } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id status letter { id status number } } }`;
const LETTER = `query($id: ID!) { letter(id: $id) { id status number signedFile { id } approvalSteps { kind status } } }`;
const SET_FORMAT = 'mutation($unitId: ID!, $format: String!) { setOutgoingNumberFormat(unitId: $unitId, format: $format) { unitId } }';
// The advisory lock every audit append takes (see the AuditAppend migration).
const AUDIT_CHAIN_LOCK = 724101;
const BUSY = 'Layanan sedang sibuk; coba lagi dalam beberapa saat.';

interface Office {
  unit: string;
  signer: Person;
  reviewer: Person;
  drafter: Person;
}

/** Fails with a clear message when `work` has not settled after `ms`: the requests hang. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s: requests hang`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const seqOf = (number: string) => Number(number.split('/')[1]);

/** Polls `check` until it holds, failing after `ms`. */
async function until(ms: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('signing: no request hangs, and a failed signing leaves nothing behind', () => {
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  let api: TestApi;
  let storage: ObjectStorage;
  let admin: string;
  let counter = 0;

  beforeAll(async () => {
    await db.connect();
    api = await startTestApi({ storage: 's3', env: { DATABASE_POOL_SIZE: '10' } });
    storage = createObjectStorage(api.config);
    await storage.init();
    admin = await adminToken(api);
  });

  afterAll(async () => {
    await api.close();
    await db.end();
  });

  async function office(on: TestApi): Promise<Office> {
    const unit = await createUnit(on, admin, { name: `Dinas ${++counter}` });
    expect((await on.gql(SET_FORMAT, { unitId: unit, format: '{classification}/{seq}/{unitCode}/{year}' }, admin)).errors).toBeUndefined();
    const signer = await createPerson(on, admin, { name: `Kepala Dinas ${counter}`, roles: ['LEADER'], unitId: unit });
    const reviewer = await createPerson(on, admin, {
      name: `Sekretaris ${counter}`,
      roles: ['LEADER'],
      unitId: unit,
      superiorId: signer.positionId,
    });
    const drafter = await createPerson(on, admin, {
      name: `Staf ${counter}`,
      roles: ['STAFF'],
      unitId: unit,
      superiorId: reviewer.positionId,
    });
    return { unit, signer, reviewer, drafter };
  }

  async function draft(on: TestApi, who: Office, pdf: Buffer, recipients: string[] = []): Promise<string> {
    const file = await upload(on, who.drafter.token, pdf, 'konsep.pdf', 'application/pdf');
    expect(file.status).toBe(201);
    const { createOutgoingDraft } = await on.gqlOk<any>(
      CREATE,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          subject: `Undangan rapat ${++counter}`,
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId: file.body.id,
          internalRecipientIds: recipients,
        },
      },
      who.drafter.token,
    );
    return createOutgoingDraft.id;
  }

  const submit = (on: TestApi, who: Office, letterId: string, reviewers: Person[]) =>
    on.gql<any>(SUBMIT, { input: { letterId, reviewerIds: reviewers.map((r) => r.id), signerId: who.signer.id } }, who.drafter.token);
  const decide = (on: TestApi, stepId: string, token: string, extra: Record<string, string> = {}) =>
    on.gql<any>(DECIDE, { input: { stepId, decision: 'APPROVE', ...extra } }, token);
  const view = async (on: TestApi, id: string, token: string) => (await on.gqlOk<any>(LETTER, { id }, token)).letter;

  /** Objects under files/ that no stored_file row points to. */
  async function unreferencedObjects(): Promise<string[]> {
    const keys: string[] = [];
    for await (const object of storage.list('files/')) keys.push(object.key);
    const { rows } = await db.query<{ storage_key: string }>('SELECT storage_key FROM stored_file WHERE storage_key = ANY($1)', [keys]);
    const referenced = new Set(rows.map((r) => r.storage_key));
    return keys.filter((key) => !referenced.has(key));
  }

  /** `npm run storage:sweep` against this API's database and storage, with no grace: the removed count it prints. */
  async function sweep(): Promise<{ removed: number; output: string }> {
    const s3 = api.config.s3!;
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'storage:sweep'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        ...testEnv({
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY: s3.accessKey,
          S3_SECRET_KEY: s3.secretKey,
          S3_BUCKET: s3.bucket,
          STORAGE_ORPHAN_GRACE_MINUTES: '0',
        }),
      },
    });
    const removed = /removed (\d+) unreferenced objects/.exec(stdout);
    if (!removed) throw new Error(`unexpected storage:sweep output: ${stdout}`);
    return { removed: Number(removed[1]), output: stdout };
  }

  it('finishes 50 concurrent decisions of each kind across 5 units on a pool of 10, numbering each unit 1..10', async () => {
    const offices = await Promise.all(Array.from({ length: 5 }, () => office(api)));
    const pdf = await makePdf('Surat edaran ${ttd}');
    const letters: { office: Office; id: string }[] = [];
    for (const o of offices) {
      for (let i = 0; i < 10; i++) letters.push({ office: o, id: await draft(api, o, pdf, [o.reviewer.id]) });
    }

    // Submitting and reviewing read the caller's delegations and the unit's calendar (cold for new units),
    // signing numbers, stamps, signs, stores and delivers: every one of them inside its transaction.
    const submitted = await within(
      180_000,
      '50 concurrent submissions',
      Promise.all(letters.map((l) => submit(api, l.office, l.id, [l.office.reviewer]))),
    );
    expect(submitted.map((r) => errorCode(r) ?? 'OK')).toEqual(letters.map(() => 'OK'));
    const steps = submitted.map((r) => r.data.submitForApproval.approvalSteps as { id: string; kind: string }[]);

    const reviewed = await within(
      180_000,
      '50 concurrent reviews',
      Promise.all(letters.map((l, i) => decide(api, steps[i][0].id, l.office.reviewer.token))),
    );
    expect(reviewed.map((r) => errorCode(r) ?? 'OK')).toEqual(letters.map(() => 'OK'));

    const signed = await within(
      180_000,
      '50 concurrent signings',
      Promise.all(letters.map((l, i) => decide(api, steps[i][1].id, l.office.signer.token))),
    );
    expect(signed.map((r) => errorCode(r) ?? 'OK')).toEqual(letters.map(() => 'OK'));

    for (const o of offices) {
      const numbers = signed.filter((_, i) => letters[i].office === o).map((r) => r.data.decideApproval.letter.number as string);
      expect(numbers.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    }
    expect(signed.map((r) => r.data.decideApproval.letter.status)).toEqual(letters.map(() => 'SENT'));
  });

  it('answers SERVICE_UNAVAILABLE when a lock is held too long, and the signing leaves no letter half-signed and no object after the sweep', async () => {
    const impatient = await startTestApi({ storage: 's3', env: { DATABASE_LOCK_TIMEOUT_MS: '500' } });
    try {
      // Every pooled connection of the API carries the bounds, with no round trip of its own.
      const [settings] = await impatient.app
        .get(DataSource)
        .query(
          "SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle",
        );
      expect(settings).toEqual({ lock: '500ms', statement: '2min', idle: '2min' });
      const o = await office(impatient);
      const letterId = await draft(impatient, o, await makePdf('Nota dinas ${ttd}'));
      const [sign] = (await submit(impatient, o, letterId, [])).data.submitForApproval.approvalSteps;
      const before = await unreferencedObjects();

      // The audit chain's lock is taken after the signed PDF is stored: the transaction then fails at its lock timeout.
      await db.query('BEGIN');
      await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      let refused;
      let uploaded;
      try {
        refused = await within(60_000, 'a decision waiting for a lock', decide(impatient, sign.id, o.signer.token));
        // The HTTP routes answer the same way.
        uploaded = await within(
          60_000,
          'an upload waiting for a lock',
          upload(impatient, o.drafter.token, await makePdf('Lampiran'), 'lampiran.pdf'),
        );
      } finally {
        await db.query('ROLLBACK');
      }
      expect(uploaded).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: BUSY } } });
      expect(errorCode(refused)).toBe('SERVICE_UNAVAILABLE');
      expect(refused.errors![0].message).toBe(BUSY);

      const halfway = await view(impatient, letterId, o.drafter.token);
      expect(halfway).toMatchObject({ status: 'IN_REVIEW', number: null, signedFile: null });
      expect(halfway.approvalSteps).toEqual([{ kind: 'SIGN', status: 'PENDING' }]);
      // The signed PDF and its approval sheet were stored, without retention, by the transaction that rolled back; the sweep removes them.
      const left = (await unreferencedObjects()).filter((key) => !before.includes(key));
      expect(left).toHaveLength(2);
      expect((await sweep()).removed).toBeGreaterThanOrEqual(1);
      expect(await unreferencedObjects()).toEqual([]);

      // Signed again later: the number rolled back with the first attempt, so it is the unit's first.
      const signed = await decide(impatient, sign.id, o.signer.token);
      expect(errorCode(signed)).toBeUndefined();
      expect(seqOf(signed.data.decideApproval.letter.number)).toBe(1);
      const letter = await view(impatient, letterId, o.drafter.token);
      const { rows } = await db.query('SELECT storage_key, locked, retain_until, retained_at FROM stored_file WHERE id = $1', [
        letter.signedFile.id,
      ]);
      expect(rows[0]).toMatchObject({ locked: true, retained_at: null });
      expect(rows[0].retain_until).not.toBeNull();
      // The sweep keeps what a row references, and applies the retention whose job (no worker here) has not run.
      expect((await sweep()).removed).toBe(0);
      expect(await storage.stat(rows[0].storage_key)).not.toBeNull();
      const after = await db.query('SELECT retained_at FROM stored_file WHERE id = $1', [letter.signedFile.id]);
      expect(after.rows[0].retained_at).not.toBeNull();
    } finally {
      await impatient.close();
    }
  });

  it('answers SERVICE_UNAVAILABLE when no pooled connection frees up in time, and the waiting decision still completes', async () => {
    const narrow = await startTestApi({ env: { DATABASE_POOL_SIZE: '1', DATABASE_ACQUIRE_TIMEOUT_MS: '300' } });
    try {
      const o = await office(narrow);
      const letterId = await draft(narrow, o, await makePdf('Nota dinas ${ttd}'));
      const [sign] = (await submit(narrow, o, letterId, [])).data.submitForApproval.approvalSteps;
      await db.query('BEGIN');
      await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      let waiting: ReturnType<typeof decide> | undefined;
      let refused;
      try {
        // The decision holds the only connection while it waits for the audit chain's lock.
        waiting = decide(narrow, sign.id, o.signer.token);
        await until(30_000, 'the decision waiting for the lock', async () => {
          const { rows } = await db.query(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
              WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`,
          );
          return rows[0].n > 0;
        });
        refused = await within(60_000, 'a request waiting for a connection', narrow.gql(LETTER, { id: letterId }, o.drafter.token));
      } finally {
        await db.query('ROLLBACK');
      }
      expect(errorCode(refused)).toBe('SERVICE_UNAVAILABLE');
      expect(refused.errors![0].message).toBe(BUSY);
      const signed = await within(60_000, 'the decision after the lock was released', waiting);
      expect(errorCode(signed)).toBeUndefined();
      expect(signed.data.decideApproval.letter.status).toBe('SIGNED');
    } finally {
      await narrow.close();
    }
  });

  it('puts the signed PDF under retention through the worker, after the letter row committed', async () => {
    const s3 = api.config.s3!;
    const worker = await startTestWorker({
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: s3.bucket,
    });
    try {
      const o = await office(api);
      const letterId = await draft(api, o, await makePdf('Surat keputusan ${ttd}'));
      const [sign] = (await submit(api, o, letterId, [])).data.submitForApproval.approvalSteps;
      expect(errorCode(await decide(api, sign.id, o.signer.token))).toBeUndefined();
      const { signedFile } = await view(api, letterId, o.drafter.token);
      const deadline = Date.now() + 60_000;
      let row: { locked: boolean; retain_until: Date | null; retained_at: Date | null } | undefined;
      do {
        row = (await db.query('SELECT locked, retain_until, retained_at FROM stored_file WHERE id = $1', [signedFile.id])).rows[0];
        if (row?.retained_at) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      } while (Date.now() < deadline);
      expect(row).toMatchObject({ locked: true, retain_until: expect.any(Date), retained_at: expect.any(Date) });
    } finally {
      await worker.close();
    }
  });

  it('gives up on a stalled BSrE at BSRE_TIMEOUT_MS, leaving the step open to sign again with the same number', async () => {
    const certificate = generateDevelopmentCertificate({ commonName: 'Kepala Dinas', organisation: 'BSrE stand-in' });
    const standIn = bsreStandIn(new LocalP12Signer(certificate.p12, certificate.passphrase));
    const tools = new PdfTools();
    const bsre = await startTestApi({
      storage: 's3',
      env: {
        SIGNER: 'bsre',
        BSRE_URL: await standIn.start(),
        BSRE_USERNAME: BSRE_STAND_IN.username,
        BSRE_PASSWORD: BSRE_STAND_IN.password,
        BSRE_TIMEOUT_MS: '1000',
      },
    });
    try {
      const o = await office(bsre);
      const letterId = await draft(bsre, o, await makePdf('Surat tugas ${ttd}'));
      const [sign] = (await submit(bsre, o, letterId, [])).data.submitForApproval.approvalSteps;
      const credentials = { nik: BSRE_STAND_IN.nik, passphrase: BSRE_STAND_IN.passphrase };
      const before = await unreferencedObjects();

      for (const where of ['headers', 'body'] as const) {
        standIn.stall(where);
        const refused = await within(
          60_000,
          `a signing with BSrE stalled before its ${where}`,
          decide(bsre, sign.id, o.signer.token, credentials),
        );
        expect(errorCode(refused)).toBe('SERVICE_UNAVAILABLE');
        const halfway = await view(bsre, letterId, o.drafter.token);
        expect(halfway).toMatchObject({ status: 'IN_REVIEW', number: null, signedFile: null });
        expect(halfway.approvalSteps).toEqual([{ kind: 'SIGN', status: 'PENDING' }]);
      }
      expect(await unreferencedObjects()).toEqual(before);

      standIn.stall(null);
      const signed = await decide(bsre, sign.id, o.signer.token, credentials);
      expect(errorCode(signed)).toBeUndefined();
      expect(signed.data.decideApproval.letter).toMatchObject({ status: 'SIGNED' });
      expect(seqOf(signed.data.decideApproval.letter.number)).toBe(1);
      // Two stalled attempts, then the letter: the approval sheet, which stays inside, carries the institution seal.
      expect(standIn.calls).toHaveLength(3);
      const { letter } = await bsre.gqlOk<any>(
        'query($id: ID!) { letter(id: $id) { signedFile { downloadUrl } approvalSheetFile { downloadUrl } } }',
        { id: letterId },
        o.drafter.token,
      );
      const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
      const signatures = tools.pdfsig(await download(letter.signedFile.downloadUrl));
      expect(signatures.match(/^Signature #\d+:/gm)).toHaveLength(1);
      expect(signatures).toContain('Signer Certificate Common Name: Kepala Dinas');
      expect(tools.pdfsig(await download(letter.approvalSheetFile.downloadUrl))).toContain(
        'Signer Certificate Common Name: Gesit Development Seal',
      );
    } finally {
      tools.cleanup();
      await bsre.close();
      await standIn.stop();
    }
  });
});
