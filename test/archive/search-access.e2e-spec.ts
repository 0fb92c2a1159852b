import { randomInt } from 'node:crypto';
import { makeDraftPdf } from '@gesit/approvals/testing';
import { startTestApi, TestApi } from '../harness/app';
import { upload } from '../harness/files';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { createAgency } from '../harness/org';
import { archivePdf, createDossier, SEARCH } from './archive-support';

jest.setTimeout(120_000);

type Agency = Awaited<ReturnType<typeof createAgency>>;
type Who = 'head' | 'secretary' | 'clerk' | 'division1' | 'division2' | 'staff' | 'stranger';

const ARCHIVE_LETTER = `mutation($input: ArchiveLetterInput!) { archiveLetter(input: $input) { id letter { id } } }`;
const DISPOSE = `mutation($input: DisposeInput!) { dispose(input: $input) { assignments { id assignee { id } } } }`;
const COMPLETE = `mutation($input: CompleteAssignmentInput!) { completeAssignment(input: $input) { status } }`;
const CREATE_DRAFT = `mutation($input: CreateOutgoingDraftInput!) { createOutgoingDraft(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { approvalSteps { id } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { letter { status } } }`;

/** A word of letters only that no other record of the test database holds, so that every count is exact. */
const rareWord = (): string =>
  Array.from({ length: 10 }, (_, i) => (i % 2 ? 'aiueo' : 'bdfghjklmnprstvwz')[randomInt(0, i % 2 ? 5 : 17)]).join('');

/**
 * The agency of createAgency: the head (Kepala Dinas) above the secretary above the clerk who archives, and
 * above two heads of division (peers of the secretary), the first with a staff member; a stranger elsewhere.
 * Search applies the letters' rule (DESIGN.md): named people, and below CONFIDENTIAL the leaders above them.
 */
describe('searching the archive within what each person may read', () => {
  let api: TestApi;
  let org: Agency;
  let dossierId: string;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
    dossierId = (await createDossier(api, org.clerk.token, { classificationCode: '000.1.1' })).id;
  });

  afterAll(() => api.close());

  /** How many records `query` finds for each person (totalCount, and the page agrees with it). */
  async function found(query: string): Promise<Record<Who, number>> {
    const people: Who[] = ['head', 'secretary', 'clerk', 'division1', 'division2', 'staff', 'stranger'];
    const counts = await Promise.all(
      people.map(async (who) => {
        const { searchArchive } = await api.gqlOk<any>(SEARCH, { query, first: 50 }, org[who].token);
        expect(searchArchive.edges).toHaveLength(searchArchive.totalCount);
        return searchArchive.totalCount as number;
      }),
    );
    return Object.fromEntries(people.map((who, i) => [who, counts[i]])) as Record<Who, number>;
  }

  it('shows a scan to its archivist, and below CONFIDENTIAL to the leaders above them only', async () => {
    const word = rareWord();
    for (const securityLevel of ['RESTRICTED', 'CONFIDENTIAL', 'SECRET'])
      await archivePdf(api, org.clerk.token, { dossierId, securityLevel }, `Nota dinas ${word} ${securityLevel.toLowerCase()}`);
    // The secretary and the head sit above the clerk: they find the RESTRICTED scan, never the CONFIDENTIAL or
    // SECRET ones, which name the clerk only. The heads of division are the secretary's peers: nothing.
    expect(await found(word)).toEqual({ head: 1, secretary: 1, clerk: 3, division1: 0, division2: 0, staff: 0, stranger: 0 });
  });

  it('shows an archived letter to the people its dispositions name, and a SECRET one to no one else', async () => {
    const word = rareWord();
    const archived = async (securityLevel: string) => {
      const letter = await registerIncomingLetter(api, org.clerk.token, {
        // A subject of its own: its scan is a PDF of the subject, and a second archived copy of one file is refused.
        subject: `Permohonan data ${word} ${securityLevel.toLowerCase()}`,
        securityLevel,
        addresseeIds: [org.head.id],
      });
      const { dispose } = await api.gqlOk<any>(
        DISPOSE,
        {
          input: {
            letterId: letter.id,
            parentAssignmentId: letter.assignmentId,
            assigneeIds: [org.division1.id],
            instructions: ['FOLLOW_UP'],
            closeWhenDone: true,
          },
        },
        org.head.token,
      );
      await api.gqlOk(COMPLETE, { input: { assignmentId: dispose.assignments[0].id, note: 'Selesai' } }, org.division1.token);
      return (await api.gqlOk<any>(ARCHIVE_LETTER, { input: { letterId: letter.id, dossierId } }, org.clerk.token)).archiveLetter;
    };
    await archived('RESTRICTED');
    await archived('SECRET');
    // Named on both: the clerk registered them, the head was addressed and disposed them, the head of division
    // one holds a disposition. The RESTRICTED one also reaches the secretary, above the clerk; not the staff
    // member below the head of division (reading goes up the chain, not down), nor the second head of division.
    expect(await found(word)).toEqual({ head: 2, secretary: 1, clerk: 2, division1: 2, division2: 0, staff: 0, stranger: 0 });
  });

  it('shows an archived outgoing letter to its reviewers and signer, through the approvals part of the rule', async () => {
    const word = rareWord();
    const draftFileId = (await upload(api, org.staff.token, await makeDraftPdf(1), 'draft.pdf', 'application/pdf')).body.id;
    const { createOutgoingDraft: letter } = await api.gqlOk<any>(
      CREATE_DRAFT,
      {
        input: {
          kind: 'OFFICIAL_LETTER',
          subject: `Undangan ${word}`,
          classificationCode: '000.1.1',
          securityLevel: 'CONFIDENTIAL',
          urgency: 'NORMAL',
          draftFileId,
          internalRecipientIds: [org.clerk.id],
        },
      },
      org.staff.token,
    );
    const { submitForApproval } = await api.gqlOk<any>(
      SUBMIT,
      { input: { letterId: letter.id, reviewerIds: [org.division2.id], signerId: org.head.id } },
      org.staff.token,
    );
    const [review, sign] = submitForApproval.approvalSteps;
    await api.gqlOk(DECIDE, { input: { stepId: review.id, decision: 'APPROVE' } }, org.division2.token);
    const signed = await api.gqlOk<any>(DECIDE, { input: { stepId: sign.id, decision: 'APPROVE' } }, org.head.token);
    expect(signed.decideApproval.letter.status).toBe('SENT');
    await api.gqlOk(ARCHIVE_LETTER, { input: { letterId: letter.id, dossierId } }, org.clerk.token);
    // The staff member drafted it and the clerk received it; the second head of division reviewed it and the
    // head signed it: approval steps only, which approvals adds to the rule. CONFIDENTIAL: the staff member's
    // head of division and the clerk's secretary, above them, do not find it.
    expect(await found(word)).toEqual({ head: 1, secretary: 0, clerk: 1, division1: 0, division2: 1, staff: 1, stranger: 0 });
  });
});
