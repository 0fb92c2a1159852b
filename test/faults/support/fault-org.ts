import type { RemoteApi } from './fault-stack';
import { uniqueSuffix } from '../../harness/identity';
import { disposedLetter, secondsFromNow } from '../../harness/letters';
import { createPerson, createPlacedPerson, createUnit, type Person, type PlacedPerson } from '../../harness/org';

export interface FaultOrg {
  unitId: string;
  head: Person & PlacedPerson;
  clerk: Person & PlacedPerson;
  drafter: Person & PlacedPerson;
  /** Not signed in. */
  staff: PlacedPerson[];
}

/** One unit: a head (LEADER), a clerk and a drafter under them, and `staffCount` staff below the head who never sign in. */
export async function createFaultOrg(api: RemoteApi, admin: string, staffCount: number): Promise<FaultOrg> {
  const unitId = await createUnit(api, admin, { name: 'Dinas Uji Gangguan', timezone: 'Asia/Jakarta' });
  // Round the clock: e-mail outside working hours would wait for the morning, and these tests count e-mails at any hour.
  await api.gqlOk(
    'mutation($input: SetWorkingHoursInput!) { setWorkingHours(input: $input) { start } }',
    { input: { unitId, weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' } },
    admin,
  );
  const head = await createPerson(api, admin, { name: 'Kepala Dinas Uji', roles: ['LEADER'], unitId });
  const clerk = await createPerson(api, admin, { name: 'Petugas TU Uji', roles: ['CLERK'], unitId, superiorId: head.positionId });
  const drafter = await createPerson(api, admin, { name: 'Penyusun Konsep', roles: ['STAFF'], unitId, superiorId: head.positionId });
  const staff: PlacedPerson[] = [];
  // A few at a time: the API is a child process on a small machine.
  for (let i = 0; i < staffCount; i += 4) {
    const batch = Array.from({ length: Math.min(4, staffCount - i) }, (_, j) =>
      createPlacedPerson(api, admin, { name: `Staf Uji ${i + j + 1}`, roles: ['STAFF'], unitId, superiorId: head.positionId }),
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
  const letter = { kind: 'MEMO', number: `UJI/${label}/${uniqueSuffix()}`, subject: `Uji gangguan ${label}`, urgency: 'URGENT' };
  return (await disposedLetter(api, org.clerk.token, org.head, assigneeIds, letter, secondsFromNow(seconds))).assignmentIds;
}

/** What an assignment that runs late brings: a reminder and a due notice to the assignee, an escalation above. */
export const SLA_NOTICE_KINDS = ['assignment.due-soon', 'assignment.overdue', 'assignment.escalated'];

/** The kinds of the notifications about each of `assignmentIds`, sorted. */
export const kindsPerAssignment = (rows: { kind: string; entity_id: string }[], assignmentIds: string[]): string[][] =>
  assignmentIds.map((id) =>
    rows
      .filter((n) => n.entity_id === id)
      .map((n) => n.kind)
      .sort(),
  );

/** What kindsPerAssignment gives when each of `count` assignments had each SLA notice once. */
export const eachNoticeOnce = (count: number): string[][] => Array.from({ length: count }, () => [...SLA_NOTICE_KINDS].sort());
