import type { INestApplicationContext } from '@nestjs/common';
import { errorCode, startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { dispose, registerIncomingLetter } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';
import { until } from '../harness/wait';

const CREATE = 'mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeDelegation(id: $id) { id } }';
const DISPOSE = 'mutation($input: DisposeInput!) { dispose(input: $input) { id } }';
const LETTER = 'query($id: ID!) { letter(id: $id) { id subject } }';
const TRAIL = `query($type: String!, $id: ID!) { auditTrail(entityType: $type, entityId: $id) { action actor { id } actingFor { id } } }`;
const NOTIFICATIONS = '{ notifications(first: 50) { edges { node { kind title body } } } }';

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe('who may appoint a Plh/Plt, and what the Plh keeps afterwards', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: Agency;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    admin = await adminToken(api);
    adminId = (await api.gqlOk('{ me { id } }', undefined, admin)).me.id;
    org = await createAgency(api, admin);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const appoint = (token: string, input: Record<string, unknown>) =>
    api.gql(CREATE, { input: { kind: 'PLH', startsAt: hours(-1), endsAt: hours(8), ...input } }, token);

  it('refuses anyone who appoints themselves, an ADMIN over an official who has a superior, and people outside the chain', async () => {
    const selfAppointed = await appoint(admin, { fromUserId: org.division1.id, toUserId: adminId, kind: 'PLT' });
    expect(errorCode(selfAppointed)).toBe('FORBIDDEN');
    expect(selfAppointed.errors?.[0].message).toMatch(/diri sendiri/);
    expect(errorCode(await appoint(org.head.token, { fromUserId: org.division1.id, toUserId: org.head.id }))).toBe('FORBIDDEN');
    // An ADMIN fills only a Plt where nobody above can: the head of division has the head of the agency.
    const byAdmin = await appoint(admin, { fromUserId: org.division1.id, toUserId: org.division2.id, kind: 'PLT' });
    expect(errorCode(byAdmin)).toBe('FORBIDDEN');
    expect(byAdmin.errors?.[0].message).toMatch(/mempunyai atasan/);
    expect(errorCode(await appoint(admin, { fromUserId: org.head.id, toUserId: org.secretary.id, kind: 'PLH' }))).toBe('FORBIDDEN');
    expect(errorCode(await appoint(org.staff.token, { fromUserId: org.division1.id, toUserId: org.division2.id }))).toBe('FORBIDDEN');
    expect(errorCode(await appoint(org.division2.token, { fromUserId: org.division1.id, toUserId: org.staff.id }))).toBe('FORBIDDEN');

    // The superior may, for a window that does not overlap the one below.
    const bySuperior = await appoint(org.head.token, {
      fromUserId: org.division1.id,
      toUserId: org.division2.id,
      startsAt: hours(100),
      endsAt: hours(110),
    });
    expect(bySuperior.errors).toBeUndefined();
    // Whoever appointed may also end it; the delegate may not.
    const id = (bySuperior.data as { createDelegation: { id: string } }).createDelegation.id;
    expect(errorCode(await api.gql(REVOKE, { id }, org.division2.token))).toBe('FORBIDDEN');
    expect((await api.gql(REVOKE, { id }, org.head.token)).errors).toBeUndefined();
  });

  it('tells both people, audits reading a SECRET letter through the delegation, and ends access with it', async () => {
    const letter = await registerIncomingLetter(api, org.clerk.token, {
      number: '800/1/RHS/2026',
      subject: 'Hasil pemeriksaan rahasia',
      senderName: 'Inspektorat',
      securityLevel: 'SECRET',
      urgency: 'URGENT',
      addresseeIds: [org.head.id],
    });
    expect(errorCode(await api.gql(LETTER, { id: letter.id }, org.division2.token))).toBe('NOT_FOUND');

    const { createDelegation: delegation } = await api.gqlOk(
      CREATE,
      { input: { toUserId: org.division2.id, kind: 'PLH', startsAt: hours(-1), endsAt: hours(8), reason: 'Cuti tahunan' } },
      org.head.token,
    );

    // Both are told, by name, in their notifications.
    const noticeOf = (token: string) =>
      until('a delegation notice', async () => {
        const { notifications } = await api.gqlOk(NOTIFICATIONS, undefined, token);
        return notifications.edges
          .map((e: { node: { kind: string; title: string; body: string } }) => e.node)
          .find((n: { kind: string }) => n.kind === 'delegation.created');
      });
    const toOfficial = await noticeOf(org.head.token);
    expect(toOfficial.title).toBe('Kepala Bidang Dua ditunjuk sebagai Plh Anda');
    const toAppointee = await noticeOf(org.division2.token);
    expect(toAppointee.title).toBe('Anda ditunjuk sebagai Plh Kepala Dinas');
    for (const n of [toOfficial, toAppointee]) expect(`${n.title} ${n.body}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // The Plh reads the letter, and that read is in the audit log with the official it was read for.
    expect((await api.gqlOk(LETTER, { id: letter.id }, org.division2.token)).letter.subject).toBe('Hasil pemeriksaan rahasia');
    const trail = async () => (await api.gqlOk(TRAIL, { type: 'Letter', id: letter.id }, admin)).auditTrail;
    expect(await trail()).toContainEqual({
      action: 'letter.read-as-delegate',
      actor: { id: org.division2.id },
      actingFor: { id: org.head.id },
    });
    // The official reading their own letter is no delegated read.
    await api.gqlOk(LETTER, { id: letter.id }, org.head.token);
    expect((await trail()).filter((e: { action: string }) => e.action === 'letter.read-as-delegate')).toHaveLength(1);

    // A Plh may not hand the official's letter to themselves; to someone below, yes.
    const toSelf = await api.gql(
      DISPOSE,
      {
        input: {
          letterId: letter.id,
          parentAssignmentId: letter.assignmentId,
          assigneeIds: [org.division2.id],
          instructions: ['FOLLOW_UP'],
        },
      },
      org.division2.token,
    );
    expect(errorCode(toSelf)).toBe('BAD_USER_INPUT');
    expect(toSelf.errors?.[0].message).toMatch(/diri sendiri/);
    await dispose(api, org.division2.token, { letterId: letter.id, parentAssignmentId: letter.assignmentId, assigneeIds: [org.staff.id] });

    // Revoked: the disposition the Plh sent in the official's name no longer opens the letter to them.
    await api.gqlOk(REVOKE, { id: delegation.id }, org.head.token);
    expect(errorCode(await api.gql(LETTER, { id: letter.id }, org.division2.token))).toBe('NOT_FOUND');
    expect((await api.gqlOk(LETTER, { id: letter.id }, org.staff.token)).letter.id).toBe(letter.id);
  });
});
