import type { TestApi } from './app';
import { loginAs, randomNip, TEST_PASSWORD, uniqueSuffix } from './identity';

/** Someone in the test organisation, signed in (with MFA where their role requires it). */
export interface Person {
  id: string;
  nip: string;
  email: string;
  token: string;
}

export async function createUnit(
  api: TestApi,
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
  api: TestApi,
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

/** Creates a user in a new position under `superiorId` and signs them in. */
export async function createPerson(
  api: TestApi,
  admin: string,
  input: { name: string; roles: string[]; unitId: string; title?: string; superiorId?: string | null },
): Promise<Person & { positionId: string }> {
  const positionId = await createPosition(api, admin, {
    title: input.title ?? input.name,
    unitId: input.unitId,
    superiorId: input.superiorId ?? undefined,
  });
  const nip = randomNip();
  const email = `${nip}@example.go.id`;
  const data = await api.gqlOk<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { nip, name: input.name, email, password: TEST_PASSWORD, roles: input.roles, positionId } },
    admin,
  );
  return { id: data.createUser.id, nip, email, positionId, token: (await loginAs(api, nip)).accessToken };
}

/**
 * A small agency: head → head of division → staff, a secretary with a clerk under them, a second head
 * of division (to act as Plh), and a leader of another agency (a stranger to all of it).
 */
export async function createAgency(api: TestApi, admin: string, timezone = 'Asia/Jakarta') {
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

/** The official (by their token) appoints `toUserId` as Plh from a minute ago for the next hour. */
export async function appointPlh(api: TestApi, officialToken: string, toUserId: string): Promise<void> {
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
