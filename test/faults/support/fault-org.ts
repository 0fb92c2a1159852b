import { asTestApi, type RemoteApi } from './fault-stack';
import { uploadPdf } from '../../harness/files';
import { loginAs, randomNip, TEST_PASSWORD, uniqueSuffix } from '../../harness/identity';
import { createPosition, createUnit } from '../../harness/org';

export interface FaultPerson {
  id: string;
  nip: string;
  email: string;
  positionId: string;
  token: string | null;
}

export interface FaultOrg {
  unitId: string;
  head: FaultPerson & { token: string };
  clerk: FaultPerson & { token: string };
  drafter: FaultPerson & { token: string };
  staff: FaultPerson[];
}

async function person(
  api: RemoteApi,
  admin: string,
  name: string,
  roles: string[],
  unitId: string,
  superiorId: string | undefined,
  signIn: boolean,
) {
  const positionId = await createPosition(asTestApi(api), admin, { title: name, unitId, superiorId });
  const nip = randomNip();
  const email = `${nip}.${uniqueSuffix().toLowerCase()}@uji.example`;
  const { createUser } = await api.gqlOk<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { nip, name, email, password: TEST_PASSWORD, roles, positionId } },
    admin,
  );
  return { id: createUser.id as string, nip, email, positionId, token: signIn ? (await loginAs(asTestApi(api), nip)).accessToken : null };
}

/** One unit: a head (LEADER), a clerk and a drafter under them, and `staffCount` staff below the head who never sign in. */
export async function createFaultOrg(api: RemoteApi, admin: string, staffCount: number): Promise<FaultOrg> {
  const unitId = await createUnit(asTestApi(api), admin, { name: 'Dinas Uji Gangguan', timezone: 'Asia/Jakarta' });
  // Round the clock: e-mail outside working hours would wait for the morning, and these tests count e-mails at any hour.
  await api.gqlOk(
    'mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { start } }',
    { input: { unitId, weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' } },
    admin,
  );
  const head = (await person(api, admin, 'Kepala Dinas Uji', ['LEADER'], unitId, undefined, true)) as FaultOrg['head'];
  const clerk = (await person(api, admin, 'Petugas TU Uji', ['CLERK'], unitId, head.positionId, true)) as FaultOrg['clerk'];
  const drafter = (await person(api, admin, 'Penyusun Konsep', ['STAFF'], unitId, head.positionId, true)) as FaultOrg['drafter'];
  const staff: FaultPerson[] = [];
  // A few at a time: the API is a child process on a small machine.
  for (let i = 0; i < staffCount; i += 4) {
    const batch = Array.from({ length: Math.min(4, staffCount - i) }, (_, j) =>
      person(api, admin, `Staf Uji ${i + j + 1}`, ['STAFF'], unitId, head.positionId, false),
    );
    staff.push(...(await Promise.all(batch)));
  }
  return { unitId, head, clerk, drafter, staff };
}

/** A letter registered to the head and disposed by them to `assigneeIds`, all due `seconds` from now; the assignment ids. */
export async function disposeDueIn(
  api: RemoteApi,
  org: FaultOrg,
  assigneeIds: string[],
  seconds: number,
  label: string,
): Promise<string[]> {
  const fileId = await uploadPdf(asTestApi(api), org.clerk.token, `Surat ${label}`);
  const { registerIncomingLetter: letter } = await api.gqlOk<any>(
    `mutation($input: RegisterIncomingLetterInput!) { registerIncomingLetter(input: $input) { id dispositions { assignments { id } } } }`,
    {
      input: {
        kind: 'MEMO',
        number: `UJI/${label}/${uniqueSuffix()}`,
        letterDate: '2026-11-20',
        subject: `Uji gangguan ${label}`,
        senderName: 'Sekretariat Daerah',
        classificationCode: '000.1.1',
        securityLevel: 'PUBLIC',
        urgency: 'URGENT',
        fileIds: [fileId],
        addresseeIds: [org.head.id],
      },
    },
    org.clerk.token,
  );
  const { dispose } = await api.gqlOk<any>(
    `mutation($input: DisposeInput!) { dispose(input: $input) { assignments { id } } }`,
    {
      input: {
        letterId: letter.id,
        parentAssignmentId: letter.dispositions[0].assignments[0].id,
        assigneeIds,
        instructions: ['FOLLOW_UP'],
        dueAt: new Date(Date.now() + seconds * 1000).toISOString(),
      },
    },
    org.head.token,
  );
  return dispose.assignments.map((a: { id: string }) => a.id);
}
