import { Role } from '@gesit/identity';
import type { TestApi } from './app';
import type { GraphqlClient } from './graphql';
import { adminToken, loginAs, randomNip, TEST_PASSWORD, TestPerson, uniqueSuffix } from './identity';

/** Someone in the test organisation, signed in (with MFA where their role requires it). */
export interface Person {
  id: string;
  nip: string;
  email: string;
  token: string;
}

/** Someone with a position, created over GraphQL by an ADMIN and not signed in. */
export type PlacedPerson = TestPerson & { positionId: string };

export async function createUnit(
  api: GraphqlClient,
  admin: string,
  input: { code?: string; name: string; parentId?: string; timezone?: string },
): Promise<string> {
  const data = await api.gqlOk<{ createUnit: { id: string } }>(
    'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
    {
      input: { code: input.code ?? `U${uniqueSuffix()}`, ...input },
    },
    admin,
  );
  return data.createUnit.id;
}

export async function createPosition(
  api: GraphqlClient,
  admin: string,
  input: { title: string; unitId: string; superiorId?: string },
): Promise<string> {
  const data = await api.gqlOk<{ createPosition: { id: string } }>(
    'mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }',
    { input },
    admin,
  );
  return data.createPosition.id;
}

/** Creates a user, with TEST_PASSWORD, a random NIP and a unique e-mail, in a new position under `superiorId`. */
export async function createPlacedPerson(
  api: GraphqlClient,
  admin: string,
  input: { name: string; roles: string[]; unitId: string; title?: string; superiorId?: string | null },
): Promise<PlacedPerson> {
  const positionId = await createPosition(api, admin, {
    title: input.title ?? input.name,
    unitId: input.unitId,
    superiorId: input.superiorId ?? undefined,
  });
  const nip = randomNip();
  const email = `${nip}.${uniqueSuffix().toLowerCase()}@uji.example`;
  const data = await api.gqlOk<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { nip, name: input.name, email, password: TEST_PASSWORD, roles: input.roles, positionId } },
    admin,
  );
  return { id: data.createUser.id, nip, email, name: input.name, positionId };
}

/** Creates a user in a new position under `superiorId` and signs them in. */
export async function createPerson(
  api: GraphqlClient,
  admin: string,
  input: { name: string; roles: string[]; unitId: string; title?: string; superiorId?: string | null },
): Promise<PlacedPerson & Person> {
  const person = await createPlacedPerson(api, admin, input);
  return { ...person, token: (await loginAs(api, person.nip)).accessToken };
}

/**
 * A small agency: head → head of division → staff, a secretary with a clerk under them, a second head
 * of division (to act as Plh), and a leader of another agency (a stranger to all of it).
 */
export async function createAgency(api: GraphqlClient, admin: string, timezone = 'Asia/Jakarta') {
  const agency = await createUnit(api, admin, { name: 'Dinas Uji', timezone });
  const division = await createUnit(api, admin, { name: 'Bidang Uji', parentId: agency });
  const other = await createUnit(api, admin, { name: 'Dinas Lain', timezone });
  const head = await createPerson(api, admin, { name: 'Kepala Dinas', roles: ['LEADER'], unitId: agency });
  const secretary = await createPerson(api, admin, { name: 'Sekretaris', roles: ['LEADER'], unitId: agency, superiorId: head.positionId });
  const clerk = await createPerson(api, admin, { name: 'Petugas TU', roles: ['CLERK'], unitId: agency, superiorId: secretary.positionId });
  const division1 = await createPerson(api, admin, {
    name: 'Kepala Bidang Satu',
    roles: ['LEADER'],
    unitId: division,
    superiorId: head.positionId,
  });
  const division2 = await createPerson(api, admin, {
    name: 'Kepala Bidang Dua',
    roles: ['LEADER'],
    unitId: division,
    superiorId: head.positionId,
  });
  const staff = await createPerson(api, admin, {
    name: 'Staf Bidang Satu',
    roles: ['STAFF'],
    unitId: division,
    superiorId: division1.positionId,
  });
  const stranger = await createPerson(api, admin, { name: 'Kepala Dinas Lain', roles: ['LEADER'], unitId: other });
  return { agency, division, other, head, secretary, clerk, division1, division2, staff, stranger };
}

export type Agency = Awaited<ReturnType<typeof createAgency>>;

export interface TestOrg {
  agencyId: string;
  divisionId: string;
  otherAgencyId: string;
  /** Kepala dinas: top of the agency. */
  head: PlacedPerson;
  /** Kepala bidang under the head. */
  divisionHead: PlacedPerson;
  /** Staff under the head of division. */
  staff: PlacedPerson;
  /** Tata usaha under the head. */
  clerk: PlacedPerson;
  /** A second head of division, e.g. to act as Plh of the first. */
  otherDivisionHead: PlacedPerson;
  /** Staff of another agency, outside this chain of command. */
  outsider: PlacedPerson;
}

/**
 * Like createAgency, but with nobody signed in (for suites that test sign-in or build principals
 * themselves): head → head of division → staff, a clerk, and someone of another agency.
 */
export async function createOrg(api: TestApi, timezone = 'Asia/Jakarta'): Promise<TestOrg> {
  const admin = await adminToken(api);
  const suffix = uniqueSuffix();
  const unit = (code: string, name: string, parentId?: string) =>
    createUnit(api, admin, { code: `${code}-${suffix}`, name, parentId, timezone: parentId ? undefined : timezone });
  const person = (name: string, roles: Role[], unitId: string, superior?: PlacedPerson) =>
    createPlacedPerson(api, admin, { name, roles, unitId, superiorId: superior?.positionId });
  const agencyId = await unit('DINAS', 'Dinas Uji');
  const divisionId = await unit('BIDANG', 'Bidang Uji', agencyId);
  const otherAgencyId = await unit('LAIN', 'Dinas Lain');
  const head = await person('Kepala Dinas Uji', [Role.LEADER], agencyId);
  const divisionHead = await person('Kepala Bidang Uji', [Role.LEADER], divisionId, head);
  const staff = await person('Staf Bidang Uji', [Role.STAFF], divisionId, divisionHead);
  const clerk = await person('Tata Usaha Uji', [Role.CLERK], agencyId, head);
  const otherDivisionHead = await person('Kepala Bidang Lain', [Role.LEADER], divisionId, head);
  const outsider = await person('Staf Dinas Lain', [Role.STAFF], otherAgencyId);
  return { agencyId, divisionId, otherAgencyId, head, divisionHead, staff, clerk, otherDivisionHead, outsider };
}

/** The official (by their token) appoints `toUserId` as Plh from a minute ago for the next hour. */
export async function appointPlh(api: GraphqlClient, officialToken: string, toUserId: string): Promise<void> {
  const now = Date.now();
  await api.gqlOk(
    'mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }',
    {
      input: {
        toUserId,
        kind: 'PLH',
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        reason: 'Dinas luar',
      },
    },
    officialToken,
  );
}
