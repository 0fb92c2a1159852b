import { uploadPdf } from './files';
import type { GraphqlClient } from './graphql';
import { uniqueSuffix } from './identity';

export interface IncomingLetterInput {
  subject: string;
  addresseeIds: string[];
  kind?: string;
  number?: string;
  letterDate?: string;
  senderName?: string;
  classificationCode?: string;
  securityLevel?: string;
  urgency?: string;
  /** A one-page PDF of the subject when not given. */
  fileIds?: string[];
}

export interface RegisteredLetter {
  id: string;
  number: string;
  agendaNumber: string;
  /** The first addressee's assignment, from which they dispose the letter onward. */
  assignmentId: string;
}

const REGISTER = `mutation($input: RegisterIncomingLetterInput!) {
  registerIncomingLetter(input: $input) { id number agendaNumber dispositions { assignments { id assignee { id } } } }
}`;

/** The clerk (by their token) registers an incoming letter; what is not given is that of an ordinary public letter. */
export async function registerIncomingLetter(
  api: GraphqlClient,
  clerkToken: string,
  input: IncomingLetterInput,
): Promise<RegisteredLetter> {
  const { registerIncomingLetter: letter } = await api.gqlOk<any>(
    REGISTER,
    {
      input: {
        kind: 'OFFICIAL_LETTER',
        number: `UJI/${uniqueSuffix()}/2026`,
        letterDate: '2026-11-20',
        senderName: 'Sekretariat Daerah',
        classificationCode: '000.1.1',
        securityLevel: 'PUBLIC',
        urgency: 'NORMAL',
        ...input,
        fileIds: input.fileIds ?? [await uploadPdf(api, clerkToken, input.subject)],
      },
    },
    clerkToken,
  );
  const assignments: { id: string; assignee: { id: string } }[] = letter.dispositions[0].assignments;
  const first = assignments.find((a) => a.assignee.id === input.addresseeIds[0]) as { id: string };
  return { id: letter.id, number: letter.number, agendaNumber: letter.agendaNumber, assignmentId: first.id };
}

/** The holder of `token` disposes a letter onward from their assignment, to follow up by default; the new assignments' ids. */
export async function dispose(
  api: GraphqlClient,
  token: string,
  input: { letterId: string; parentAssignmentId: string; assigneeIds: string[]; instructions?: string[]; dueAt?: string },
): Promise<string[]> {
  const { dispose } = await api.gqlOk<{ dispose: { assignments: { id: string }[] } }>(
    'mutation($input: DisposeInput!) { dispose(input: $input) { assignments { id } } }',
    { input: { instructions: ['FOLLOW_UP'], ...input } },
    token,
  );
  return dispose.assignments.map((a) => a.id);
}

/** A letter the clerk registers to `leader`, who disposes it at once to `assigneeIds`; with the new assignments' ids. */
export async function disposedLetter(
  api: GraphqlClient,
  clerkToken: string,
  leader: { id: string; token: string },
  assigneeIds: string[],
  letter: Omit<IncomingLetterInput, 'addresseeIds'>,
  dueAt?: string,
): Promise<RegisteredLetter & { assignmentIds: string[] }> {
  const registered = await registerIncomingLetter(api, clerkToken, { ...letter, addresseeIds: [leader.id] });
  const assignmentIds = await dispose(api, leader.token, {
    letterId: registered.id,
    parentAssignmentId: registered.assignmentId,
    assigneeIds,
    dueAt,
  });
  return { ...registered, assignmentIds };
}

/** An ISO time `seconds` from now. */
export const secondsFromNow = (seconds: number): string => new Date(Date.now() + seconds * 1000).toISOString();
