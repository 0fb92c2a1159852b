import { PdfTools } from '@gesit/approvals/testing';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { makePdf, upload, uploadPdf } from '../harness/files';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { type Agency, appointPlh, createAgency, createPerson, createUnit } from '../harness/org';

jest.setTimeout(120_000);

const CREATE = `mutation($input: CreateOutgoingDraftInput!) {
  createOutgoingDraft(input: $input) { id status direction revision draftFile { id } externalRecipients internalRecipients { id } replyTo { id } }
}`;
const SUBMIT = `mutation($input: SubmitForApprovalInput!) {
  submitForApproval(input: $input) { id status approvalSteps { id order kind status revision approver { id } dueAt slaState } }
}`;
const DECIDE = `mutation($input: DecideApprovalInput!) {
  decideApproval(input: $input) { id status kind decidedAt comment decidedBy { id } actingFor { id } letter { id status number } }
}`;
const REVISE = `mutation($input: ReviseDraftInput!) { reviseDraft(input: $input) { id status revision draftFile { id } } }`;
const LETTER = `query($id: ID!) {
  letter(id: $id) {
    id status number revision signedAt verificationCode externalRecipients
    internalRecipients { id }
    signedFile { id sha256 downloadUrl }
    draftFile { id }
    approvalSteps { id order kind status revision approver { id } decidedBy { id } actingFor { id } comment decidedAt }
    timeline { action note }
  }
}`;
const QUEUE = `query($first: Int, $after: String) {
  approvalQueue(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind letter { id subject } } } }
}`;
const VERIFY = `query($code: String!) { verifyDocument(code: $code) { valid number subject signedAt signerName signerPosition sha256 } }`;

describe('outgoing letters: approval chain, numbering, signing, verification', () => {
  let api: TestApi;
  let admin: string;
  let org: Agency;
  const tools = new PdfTools();
  let counter = 0;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    org = await createAgency(api, admin);
  });

  afterAll(async () => {
    tools.cleanup();
    await api.close();
  });

  async function draft(token: string, overrides: Record<string, unknown> = {}, pdf?: Buffer) {
    counter += 1;
    const draftFileId = pdf
      ? (await upload(api, token, pdf, `draft-${counter}.pdf`, 'application/pdf')).body.id
      : await uploadPdf(api, token, `Konsep surat ${counter}`);
    const { createOutgoingDraft } = await api.gqlOk<any>(
      CREATE,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          subject: `Undangan rapat koordinasi ${counter}`,
          classificationCode: '000.1.1',
          securityLevel: 'PUBLIC',
          urgency: 'NORMAL',
          draftFileId,
          ...overrides,
        },
      },
      token,
    );
    return createOutgoingDraft;
  }

  const submit = async (letterId: string, reviewerIds: string[], signerId: string, token = org.staff.token) =>
    (await api.gqlOk<any>(SUBMIT, { input: { letterId, reviewerIds, signerId } }, token)).submitForApproval;
  const decide = (stepId: string, decision: string, token: string, comment?: string) =>
    api.gql<any>(DECIDE, { input: { stepId, decision, comment } }, token);
  const decided = async (stepId: string, decision: string, token: string, comment?: string) => {
    const res = await decide(stepId, decision, token, comment);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.decideApproval;
  };
  const view = async (id: string, token = org.staff.token) => (await api.gqlOk<any>(LETTER, { id }, token)).letter;

  async function signedPdf(letter: { signedFile: { downloadUrl: string } }): Promise<Buffer> {
    const res = await fetch(letter.signedFile.downloadUrl);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  function expectValidSignedLetter(pdf: Buffer, number: string): string[] {
    const report = tools.pdfsig(pdf);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    expect(tools.pageTexts(pdf, 1, 1)[0]).toContain(number);
    return tools.pageTexts(pdf);
  }

  it('takes a draft through two reviewers and a signer to a signed, numbered, delivered letter', async () => {
    const incoming = await registerIncomingLetter(api, org.clerk.token, {
      number: '005/77/BKD/2026',
      subject: 'Permintaan data pegawai',
      senderName: 'Badan Kepegawaian Daerah',
      addresseeIds: [org.staff.id],
    });
    const letter = await draft(org.staff.token, {
      internalRecipientIds: [org.division2.id],
      externalRecipients: ['Kepala Badan Kepegawaian Daerah'],
      replyToLetterId: incoming.id,
    });
    expect(letter).toMatchObject({ status: 'DRAFT', direction: 'OUTGOING', revision: 1, internalRecipients: [{ id: org.division2.id }] });
    expect(letter.replyTo).toEqual({ id: incoming.id });

    const submitted = await submit(letter.id, [org.division1.id, org.secretary.id], org.head.id);
    expect(submitted.status).toBe('IN_REVIEW');
    expect(submitted.approvalSteps.map((s: any) => [s.kind, s.status, s.approver.id])).toEqual([
      ['REVIEW', 'PENDING', org.division1.id],
      ['REVIEW', 'WAITING', org.secretary.id],
      ['SIGN', 'WAITING', org.head.id],
    ]);
    expect(submitted.approvalSteps[0]).toMatchObject({ slaState: 'ON_TRACK' });
    expect(submitted.approvalSteps[0].dueAt).not.toBeNull();
    const [first, second, sign] = submitted.approvalSteps;

    // Not your turn: the signer cannot jump the queue, and a stranger sees nothing.
    expect(errorCode(await decide(sign.id, 'APPROVE', org.head.token))).toBe('CONFLICT');
    expect(errorCode(await decide(first.id, 'APPROVE', org.stranger.token))).toBe('NOT_FOUND');

    const queue = await api.gqlOk<any>(QUEUE, { first: 50 }, org.division1.token);
    expect(queue.approvalQueue.edges.map((e: any) => e.node.id)).toContain(first.id);
    // The reviewer reads the draft it is asked to initial.
    const draftFile = (await view(letter.id, org.division1.token)).draftFile;
    expect((await api.gqlOk<any>('query($id: ID!) { file(id: $id) { id } }', { id: draftFile.id }, org.division1.token)).file.id).toBe(
      draftFile.id,
    );

    await decided(first.id, 'APPROVE', org.division1.token, 'Paraf');
    await decided(second.id, 'APPROVE', org.secretary.token);
    const signed = await decided(sign.id, 'APPROVE', org.head.token);
    expect(signed).toMatchObject({ status: 'APPROVED', kind: 'SIGN', decidedBy: { id: org.head.id }, actingFor: null });
    expect(signed.letter.status).toBe('SENT');
    expect(signed.letter.number).toMatch(/^B-\d{4}\/U[0-9A-Z]+\/000\.1\.1\/[IVX]+\/20\d\d$/);

    const done = await view(letter.id);
    expect(done.verificationCode).toMatch(/^[A-Z2-7]{16}$/);
    expect(done.approvalSteps.map((s: any) => s.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    expect(done.timeline.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['letter.drafted', 'letter.submitted', 'approval.approved', 'letter.signed', 'letter.sent']),
    );
    const pdf = await signedPdf(done);
    expect(done.signedFile.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pages = expectValidSignedLetter(pdf, done.number);
    expect(pages.join('\n')).toContain(`Kode verifikasi: ${done.verificationCode}`);
    expect(pages[pages.length - 1]).toContain('LEMBAR PERSETUJUAN');

    // The internal recipient has it in their inbox; the letter it answers shows the reply.
    const inbox = await api.gqlOk<any>(
      `{ inbox(first: 50) { edges { node { disposition { letter { id number } } } } } }`,
      undefined,
      org.division2.token,
    );
    expect(inbox.inbox.edges.map((e: any) => e.node.disposition.letter.id)).toContain(letter.id);
    expect((await view(done.id, org.division2.token)).signedFile.id).toBe(done.signedFile.id);
    const answered = await view(incoming.id);
    expect(answered.timeline.map((e: any) => e.action)).toContain('letter.answered');

    // Anyone can verify it: by code (GraphQL and the QR page) and by the file.
    const byCode = await api.gqlOk<any>(VERIFY, { code: done.verificationCode.toLowerCase() });
    expect(byCode.verifyDocument).toMatchObject({
      valid: true,
      number: done.number,
      subject: letter.subject ?? expect.any(String),
      signerName: 'Kepala Dinas',
      signerPosition: 'Kepala Dinas',
      sha256: done.signedFile.sha256,
    });
    const page = await fetch(`${api.url}/verify/${done.verificationCode}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Dokumen ini sah');
    expect(html).toContain(done.number);
    expect((await fetch(`${api.url}/verify/AAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await api.gqlOk<any>(VERIFY, { code: 'AAAAAAAAAAAAAAAA' })).verifyDocument.valid).toBe(false);

    const postFile = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'surat.pdf');
      const res = await fetch(`${api.url}/verify`, { method: 'POST', body: form });
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await postFile(pdf)).toMatchObject({ valid: true, number: done.number, sha256: done.signedFile.sha256 });
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('%', 1) + 1; // a byte of the header comment, inside the signed range
    tampered[at] ^= 0x01;
    expect(await postFile(tampered)).toMatchObject({ valid: false, number: null });
    expect(tools.pdfsig(tampered)).not.toContain('Signature is Valid.');
  });

  it('returns a draft with a comment, and restarts the chain on the next revision', async () => {
    const letter = await draft(org.staff.token);
    const [review, sign] = (await submit(letter.id, [org.division1.id], org.head.id)).approvalSteps;
    expect(errorCode(await decide(review.id, 'RETURN', org.division1.token))).toBe('BAD_USER_INPUT');
    await decided(review.id, 'RETURN', org.division1.token, 'Perbaiki dasar hukum');

    let current = await view(letter.id);
    expect(current.status).toBe('RETURNED');
    expect(current.approvalSteps.map((s: any) => s.status)).toEqual(['RETURNED', 'SUPERSEDED']);
    expect(
      errorCode(await api.gql(SUBMIT, { input: { letterId: letter.id, reviewerIds: [], signerId: org.head.id } }, org.staff.token)),
    ).toBe('CONFLICT');
    expect(errorCode(await decide(sign.id, 'APPROVE', org.head.token))).toBe('CONFLICT');
    // Only the drafter revises, not even a leader above them.
    const otherFile = await uploadPdf(api, org.division1.token, 'Bukan konsep saya');
    expect(errorCode(await api.gql(REVISE, { input: { letterId: letter.id, draftFileId: otherFile } }, org.division1.token))).toBe(
      'FORBIDDEN',
    );

    const revised = await api.gqlOk<any>(
      REVISE,
      {
        input: { letterId: letter.id, draftFileId: await uploadPdf(api, org.staff.token, 'Konsep revisi'), note: 'Dasar hukum diperbaiki' },
      },
      org.staff.token,
    );
    expect(revised.reviseDraft).toMatchObject({ status: 'DRAFT', revision: 2 });
    const again = await submit(letter.id, [org.division1.id], org.head.id);
    expect(again.approvalSteps.map((s: any) => [s.revision, s.status])).toEqual([
      [1, 'RETURNED'],
      [1, 'SUPERSEDED'],
      [2, 'PENDING'],
      [2, 'WAITING'],
    ]);
    await decided(again.approvalSteps[2].id, 'APPROVE', org.division1.token);
    const signed = await decided(again.approvalSteps[3].id, 'APPROVE', org.head.token);
    expect(signed.letter.status).toBe('SIGNED');
    current = await view(letter.id);
    expect(current.revision).toBe(2);
  });

  it('ends the chain on REJECT, and refuses chains the rules forbid', async () => {
    const letter = await draft(org.staff.token);
    const refuse = async (reviewerIds: string[], signerId: string) =>
      errorCode(await api.gql(SUBMIT, { input: { letterId: letter.id, reviewerIds, signerId } }, org.staff.token));
    expect(await refuse([], org.clerk.id)).toBe('BAD_USER_INPUT'); // the signer must be a LEADER
    expect(await refuse([org.staff.id], org.head.id)).toBe('BAD_USER_INPUT'); // the drafter cannot approve
    expect(await refuse([org.division1.id, org.secretary.id, org.division2.id, org.clerk.id], org.head.id)).toBe('BAD_USER_INPUT');
    expect(await refuse([org.head.id, org.division1.id], org.secretary.id)).toBe('BAD_USER_INPUT'); // lowest rank first
    expect(
      errorCode(await api.gql(SUBMIT, { input: { letterId: letter.id, reviewerIds: [], signerId: org.head.id } }, org.stranger.token)),
    ).toBe('NOT_FOUND');

    const [sign] = (await submit(letter.id, [], org.head.id)).approvalSteps;
    expect(errorCode(await decide(sign.id, 'REJECT', org.head.token, ' '))).toBe('BAD_USER_INPUT');
    const rejected = await decided(sign.id, 'REJECT', org.head.token, 'Tidak sesuai kebijakan');
    expect(rejected).toMatchObject({ status: 'REJECTED', comment: 'Tidak sesuai kebijakan', letter: { status: 'REJECTED', number: null } });
    expect(errorCode(await decide(sign.id, 'APPROVE', org.head.token))).toBe('CONFLICT');
  });

  it('lets a Plh sign in the official’s name: the step records both, the PDF says Plh.', async () => {
    await appointPlh(api, org.head.token, org.division2.id);
    const letter = await draft(org.staff.token, { securityLevel: 'CONFIDENTIAL' });
    const [sign] = (await submit(letter.id, [], org.head.id)).approvalSteps;
    const queue = await api.gqlOk<any>(QUEUE, { first: 100 }, org.division2.token);
    expect(queue.approvalQueue.edges.map((e: any) => e.node.id)).toContain(sign.id);

    const signed = await decided(sign.id, 'APPROVE', org.division2.token);
    expect(signed).toMatchObject({ decidedBy: { id: org.division2.id }, actingFor: { id: org.head.id } });
    expect(signed.letter.number).toMatch(/^R-/);
    const done = await view(letter.id);
    const pages = expectValidSignedLetter(await signedPdf(done), done.number);
    expect(pages[0]).toContain('Plh. Kepala Dinas');
    expect(pages[0]).toContain('Kepala Bidang Dua');
    const verified = (await api.gqlOk<any>(VERIFY, { code: done.verificationCode })).verifyDocument;
    expect(verified).toMatchObject({ valid: true, subject: null, signerName: 'Kepala Bidang Dua', signerPosition: 'Plh. Kepala Dinas' });
  });

  it('lets a signer sign in the name of an official above them: the PDF says a.n.', async () => {
    const letter = await draft(org.staff.token);
    const refused = await api.gql(
      SUBMIT,
      { input: { letterId: letter.id, reviewerIds: [], signerId: org.head.id, onBehalfOfId: org.secretary.id } },
      org.staff.token,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const { submitForApproval } = await api.gqlOk<any>(
      SUBMIT,
      { input: { letterId: letter.id, reviewerIds: [], signerId: org.secretary.id, onBehalfOfId: org.head.id } },
      org.staff.token,
    );
    await decided(submitForApproval.approvalSteps[0].id, 'APPROVE', org.secretary.token);
    const done = await view(letter.id);
    const pages = expectValidSignedLetter(await signedPdf(done), done.number);
    expect(pages[0]).toContain('a.n. Kepala Dinas');
    expect(pages[0]).toContain('Sekretaris');
  });

  it('lets exactly one of two racing decisions on a step win', async () => {
    const letter = await draft(org.staff.token);
    const [sign] = (await submit(letter.id, [], org.head.id)).approvalSteps;
    const results = await Promise.all([decide(sign.id, 'APPROVE', org.head.token), decide(sign.id, 'REJECT', org.head.token, 'Batal')]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const steps = (await view(letter.id)).approvalSteps;
    expect(steps).toHaveLength(1);
    expect(['APPROVED', 'REJECTED']).toContain(steps[0].status);
  });

  it('numbers 50 concurrent signings of one unit 1..50 without gaps, after a failed signing gave its number back', async () => {
    const unit = await createUnit(api, admin, { name: 'Dinas Paralel', timezone: 'Asia/Makassar' });
    const signer = await createPerson(api, admin, { name: 'Kepala Dinas Paralel', roles: ['LEADER'], unitId: unit });
    const drafter = await createPerson(api, admin, { name: 'Staf Paralel', roles: ['STAFF'], unitId: unit, superiorId: signer.positionId });
    const setFormat = (format: string) =>
      api.gql<any>(
        'mutation($unitId: ID!, $format: String!) { setOutgoingNumberFormat(unitId: $unitId, format: $format) { unitId format } }',
        { unitId: unit, format },
        admin,
      );
    expect(errorCode(await setFormat('{unitCode}/{year}'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await setFormat('{seq}/{kode}'))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await api.gql('mutation { setOutgoingNumberFormat(unitId: "x", format: "{seq}") { unitId } }', undefined, signer.token)),
    ).toBe('FORBIDDEN');
    expect((await setFormat('{classification}/{seq}/{unitCode}/{year}')).data!.setOutgoingNumberFormat.format).toBe(
      '{classification}/{seq}/{unitCode}/{year}',
    );

    // A draft pdf-lib cannot read: the signing fails and rolls back, number and all.
    const broken = await draft(drafter.token, {}, Buffer.from('%PDF-1.7\n% not really a PDF\n%%EOF\n'));
    const [brokenStep] = (await submit(broken.id, [], signer.id, drafter.token)).approvalSteps;
    const failed = await decide(brokenStep.id, 'APPROVE', signer.token);
    expect(errorCode(failed)).toBe('INTERNAL_SERVER_ERROR');
    expect((await view(broken.id, drafter.token)).approvalSteps[0].status).toBe('PENDING');

    const pdf = await makePdf('Surat edaran');
    const steps: string[] = [];
    for (let i = 0; i < 50; i++) {
      const letter = await draft(drafter.token, {}, pdf);
      steps.push((await submit(letter.id, [], signer.id, drafter.token)).approvalSteps[0].id);
    }
    const results = await Promise.all(steps.map((id) => decided(id, 'APPROVE', signer.token)));
    const numbers = results.map((r) => r.letter.number as string);
    for (const number of numbers) expect(number).toMatch(/^000\.1\.1\/\d+\/U[0-9A-Z]+\/20\d\d$/);
    const seqs = numbers.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const last = await view(results[0].letter.id, drafter.token);
    expectValidSignedLetter(await signedPdf(last), last.number);
  });
});
