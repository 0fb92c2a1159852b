import { startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { createAgency } from '../harness/org';

type Agency = Awaited<ReturnType<typeof createAgency>>;

const USER = `query($id: ID!) { user(id: $id) { name email phone } }`;
const PEOPLE = `query($search: String) { people(filter: { search: $search }, first: 5) { edges { node { id email phone } } } }`;

describe("who sees a colleague's e-mail and phone", () => {
  let api: TestApi;
  let admin: string;
  let org: Agency;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    org = await createAgency(api, admin);
    await api.gqlOk('mutation($phone: String) { setMyPhone(phone: $phone) { id } }', { phone: '+62 811-2233-4455' }, org.staff.token);
  });

  afterAll(() => api.close());

  // Masked as the address looks: its first letter and its domain.
  const masked = () => `${org.staff.email[0]}***${org.staff.email.slice(org.staff.email.lastIndexOf('@'))}`;
  const seenBy = async (token: string) => (await api.gqlOk<any>(USER, { id: org.staff.id }, token)).user;

  it.each([
    ['the person themselves', () => org.staff.token],
    ['someone of the same unit', () => org.division2.token],
    ['the leader above', () => org.division1.token],
    ['the head of the agency, two levels up', () => org.head.token],
    ['an administrator', () => admin],
  ])('%s sees both', async (_who, token) => {
    expect(await seenBy(token())).toEqual({ name: 'Staf Bidang Satu', email: org.staff.email, phone: '6281122334455' });
  });

  it.each([
    ['a clerk of the parent unit, not above them', () => org.clerk.token],
    ['a leader of another agency', () => org.stranger.token],
  ])('%s sees the name, a masked address and no phone', async (_who, token) => {
    const seen = await seenBy(token());
    expect(seen.name).toBe('Staf Bidang Satu');
    expect(seen.email).toBe(masked());
    expect(seen.phone).toBeNull();
  });

  it('masks in the directory search as well', async () => {
    const { people } = await api.gqlOk<any>(PEOPLE, { search: org.staff.nip }, org.stranger.token);
    const found = people.edges.find((e: any) => e.node.id === org.staff.id).node;
    expect(found).toEqual({ id: org.staff.id, email: masked(), phone: null });
  });
});
