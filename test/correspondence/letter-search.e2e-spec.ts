import { startTestApi, TestApi } from '../harness/app';
import { adminToken, uniqueSuffix } from '../harness/identity';
import { dispose, registerIncomingLetter } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';

const LETTERS = `query($filter: LetterFilter, $first: Int, $after: String) {
  letters(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { subject } } }
}`;

/**
 * The registry search takes one of two paths by how many letters the planner expects the text to match: the
 * matches first, each checked against the access rule, or the reader's own letters first, filtered by the
 * text. Both must answer the same. The default API here takes the first path (the test's texts are rare);
 * the second API, with LETTER_SEARCH_COMMON_MATCHES=0, takes the second for every search.
 */
describe('registry search, from the matching letters or from the reader’s letters', () => {
  let matchesFirst: TestApi;
  let readerFirst: TestApi;
  let org: Agency;
  const marker = `Telaah ${uniqueSuffix()}`;
  const subject = (what: string) => `${marker} ${what}`;
  let numbered: string;

  beforeAll(async () => {
    matchesFirst = await startTestApi();
    readerFirst = await startTestApi({ env: { LETTER_SEARCH_COMMON_MATCHES: '0' } });
    org = await createAgency(matchesFirst, await adminToken(matchesFirst));
    const toDivision = await registerIncomingLetter(matchesFirst, org.clerk.token, {
      subject: subject('bidang'),
      addresseeIds: [org.division1.id],
    });
    await dispose(matchesFirst, org.division1.token, {
      letterId: toDivision.id,
      parentAssignmentId: toDivision.assignmentId,
      assigneeIds: [org.staff.id],
    });
    numbered = (await registerIncomingLetter(matchesFirst, org.clerk.token, { subject: subject('staf'), addresseeIds: [org.staff.id] }))
      .number;
    await registerIncomingLetter(matchesFirst, org.clerk.token, {
      subject: subject('rahasia'),
      addresseeIds: [org.staff.id],
      securityLevel: 'CONFIDENTIAL',
    });
    await registerIncomingLetter(matchesFirst, org.clerk.token, { subject: subject('dinas lain'), addresseeIds: [org.stranger.id] });
  });

  afterAll(async () => {
    await matchesFirst?.close();
    await readerFirst?.close();
  });

  const found = async (api: TestApi, token: string, search: string): Promise<string[]> => {
    const { letters } = await api.gqlOk<any>(LETTERS, { filter: { search }, first: 50 }, token);
    expect(letters.totalCount).toBe(letters.edges.length);
    return letters.edges.map((e: any) => e.node.subject);
  };

  it.each([
    ['the clerk, who registered them all', 'clerk', ['dinas lain', 'rahasia', 'staf', 'bidang']],
    ['the head, above everyone named but not on the confidential letter', 'head', ['dinas lain', 'staf', 'bidang']],
    ['a head of division, through their staff', 'division1', ['staf', 'bidang']],
    ['the staff member, named on three', 'staff', ['rahasia', 'staf', 'bidang']],
    ['the other agency’s head, named on one', 'stranger', ['dinas lain']],
  ] as const)('finds for %s the same letters both ways', async (_who, who, expected) => {
    const token = org[who].token;
    for (const api of [matchesFirst, readerFirst]) expect(await found(api, token, marker)).toEqual(expected.map(subject));
  });

  it('finds a letter by its number, and pages with the same cursors both ways', async () => {
    for (const api of [matchesFirst, readerFirst]) {
      expect(await found(api, org.staff.token, numbered)).toEqual([subject('staf')]);
      const first = await api.gqlOk<any>(LETTERS, { filter: { search: marker }, first: 2 }, org.clerk.token);
      expect(first.letters.edges.map((e: any) => e.node.subject)).toEqual([subject('dinas lain'), subject('rahasia')]);
      expect(first.letters.totalCount).toBe(4);
      const rest = await api.gqlOk<any>(
        LETTERS,
        { filter: { search: marker }, first: 2, after: first.letters.pageInfo.endCursor },
        org.clerk.token,
      );
      expect(rest.letters.edges.map((e: any) => e.node.subject)).toEqual([subject('staf'), subject('bidang')]);
      expect(rest.letters.pageInfo.hasNextPage).toBe(false);
    }
  });
});
