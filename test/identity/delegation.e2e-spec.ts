import { DataSource } from 'typeorm';
import { AccessPolicyService } from '@gesit/identity';
import type { Principal } from '@gesit/platform';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken, loginAs } from '../harness/identity';
import { createOrg, TestOrg } from '../harness/org';

const CREATE = `mutation($input: CreateDelegationInput!) {
  createDelegation(input: $input) { id kind from { id } to { id } startsAt endsAt reason revokedAt active }
}`;
const REVOKE = 'mutation($id: ID!) { revokeDelegation(id: $id) { id revokedAt active } }';
const ACTING_FOR = '{ actingFor { id name } }';

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe('Plh/Plt delegation', () => {
  let api: TestApi;
  let org: TestOrg;
  let policy: AccessPolicyService;
  let divisionHead: string;
  let plh: string;
  let staff: string;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createOrg(api);
    policy = api.app.get(AccessPolicyService);
    [divisionHead, plh, staff] = await Promise.all(
      [org.divisionHead, org.otherDivisionHead, org.staff].map(async (p) => (await loginAs(api, p.nip)).accessToken),
    );
  });

  afterAll(() => api.close());

  const principal = (userId: string): Principal => ({ userId, roles: ['LEADER'], scope: 'full' });

  it('lets the Plh act for the official inside the window only, and records who created it', async () => {
    const { createDelegation: d } = await api.gqlOk(
      CREATE,
      {
        input: {
          toUserId: org.otherDivisionHead.id,
          kind: 'PLH',
          startsAt: hours(-1),
          endsAt: hours(8),
          reason: ' Dinas luar ke Jakarta ',
        },
      },
      divisionHead,
    );
    expect(d).toMatchObject({
      kind: 'PLH',
      from: { id: org.divisionHead.id },
      to: { id: org.otherDivisionHead.id },
      reason: 'Dinas luar ke Jakarta',
      active: true,
    });

    expect((await api.gqlOk(ACTING_FOR, undefined, plh)).actingFor).toEqual([{ id: org.divisionHead.id, name: org.divisionHead.name }]);
    expect((await api.gqlOk(ACTING_FOR, undefined, staff)).actingFor).toEqual([]);
    const received = (await api.gqlOk('{ delegations(activeOnly: true) { id } }', undefined, plh)).delegations;
    expect(received).toEqual([{ id: d.id }]);

    const context = await policy.actingContext(principal(org.otherDivisionHead.id), org.divisionHead.id);
    expect(context).toEqual({
      actorId: org.otherDivisionHead.id,
      actingForId: org.divisionHead.id,
      effectiveUserIds: [org.divisionHead.id],
    });
    expect(await policy.actingOn(principal(org.otherDivisionHead.id), org.divisionHead.id)).toMatchObject({
      actingForId: org.divisionHead.id,
    });
    // Reading as the official: the Plh reads what the head of division reads (letter access takes these viewers).
    expect(await policy.viewerIds(principal(org.otherDivisionHead.id))).toEqual([org.otherDivisionHead.id, org.divisionHead.id]);
    // And the people below the official: the head of division's staff, whom the Plh has no authority over otherwise.
    expect(await policy.readers(principal(org.otherDivisionHead.id))).toEqual({
      viewers: [org.otherDivisionHead.id, org.divisionHead.id],
      below: [org.staff.id],
    });
    // Someone without the delegation may not act for the official.
    await expect(policy.actingContext(principal(org.staff.id), org.divisionHead.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { auditTrail } = await api.gqlOk(
      'query($id: ID!) { auditTrail(entityType: "Delegation", entityId: $id) { action actor { id } } }',
      { id: d.id },
      await adminToken(api),
    );
    expect(auditTrail).toEqual([{ action: 'delegation.created', actor: { id: org.divisionHead.id } }]);

    // After the window nothing carries over.
    await api.app
      .get(DataSource)
      .query("UPDATE delegation SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1", [d.id]);
    expect((await api.gqlOk(ACTING_FOR, undefined, plh)).actingFor).toEqual([]);
    expect(await policy.actingOn(principal(org.otherDivisionHead.id), org.divisionHead.id)).toBeNull();
    await expect(policy.actingContext(principal(org.otherDivisionHead.id), org.divisionHead.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await policy.viewerIds(principal(org.otherDivisionHead.id))).toEqual([org.otherDivisionHead.id]);
    expect(await policy.readers(principal(org.otherDivisionHead.id))).toEqual({ viewers: [org.otherDivisionHead.id], below: [] });
  });

  it('does not let a delegation act before its window opens', async () => {
    const { createDelegation: d } = await api.gqlOk(
      CREATE,
      { input: { fromUserId: org.head.id, toUserId: org.otherDivisionHead.id, kind: 'PLT', startsAt: hours(24), endsAt: hours(48) } },
      await adminToken(api),
    );
    expect(d).toMatchObject({ from: { id: org.head.id }, active: false });
    expect((await api.gqlOk(ACTING_FOR, undefined, plh)).actingFor).toEqual([]);
    await expect(policy.actingContext(principal(org.otherDivisionHead.id), org.head.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.gqlOk(REVOKE, { id: d.id }, await adminToken(api))).revokeDelegation.active).toBe(false);
  });

  it('refuses a second delegation of one official that overlaps, until the first is revoked', async () => {
    const input = { toUserId: org.otherDivisionHead.id, kind: 'PLH', startsAt: hours(48), endsAt: hours(72) };
    const first = (await api.gqlOk(CREATE, { input }, divisionHead)).createDelegation;
    const overlapping = await api.gql(
      CREATE,
      { input: { ...input, toUserId: org.staff.id, startsAt: hours(70), endsAt: hours(80) } },
      divisionHead,
    );
    expect(errorCode(overlapping)).toBe('CONFLICT');
    expect(overlapping.errors?.[0].message).toMatch(/sudah mempunyai Plh atau Plt/);
    // Back to back is fine: the window ends before the next one starts.
    expect((await api.gql(CREATE, { input: { ...input, startsAt: hours(72), endsAt: hours(80) } }, divisionHead)).errors).toBeUndefined();

    expect(errorCode(await api.gql(REVOKE, { id: first.id }, plh))).toBe('FORBIDDEN');
    expect((await api.gqlOk(REVOKE, { id: first.id }, divisionHead)).revokeDelegation.revokedAt).toBeTruthy();
    expect(errorCode(await api.gql(REVOKE, { id: first.id }, divisionHead))).toBe('CONFLICT');
    expect(
      (await api.gql(CREATE, { input: { ...input, toUserId: org.staff.id, startsAt: hours(50), endsAt: hours(60) } }, divisionHead)).errors,
    ).toBeUndefined();
  });

  it('lets only an ADMIN appoint for someone else, and checks the window', async () => {
    const forOther = await api.gql(
      CREATE,
      { input: { fromUserId: org.head.id, toUserId: org.staff.id, kind: 'PLH', startsAt: hours(1), endsAt: hours(2) } },
      staff,
    );
    expect(errorCode(forOther)).toBe('FORBIDDEN');
    for (const [input, message] of [
      [{ toUserId: org.clerk.id, kind: 'PLH', startsAt: hours(5), endsAt: hours(4) }, /endsAt harus lebih lambat/],
      [{ toUserId: org.clerk.id, kind: 'PLH', startsAt: hours(-5), endsAt: hours(-4) }, /sudah lewat/],
      [{ toUserId: org.staff.id, kind: 'PLH', startsAt: hours(1), endsAt: hours(2) }, /Plh atau Plt bagi dirinya sendiri/],
    ] as const) {
      const res = await api.gql(CREATE, { input }, staff);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(message);
    }
    const unknown = await api.gql(
      CREATE,
      { input: { toUserId: '00000000-0000-4000-8000-000000000000', kind: 'PLH', startsAt: hours(1), endsAt: hours(2) } },
      staff,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('shows a delegation only to its official, its delegate and ADMINs', async () => {
    const { createDelegation: d } = await api.gqlOk(
      CREATE,
      { input: { toUserId: org.divisionHead.id, kind: 'PLH', startsAt: hours(200), endsAt: hours(210) } },
      (await loginAs(api, org.clerk.nip)).accessToken,
    );
    const ids = async (token: string) =>
      (await api.gqlOk('{ delegations { id } }', undefined, token)).delegations.map((x: { id: string }) => x.id);
    expect(await ids(divisionHead)).toContain(d.id);
    expect(await ids(await adminToken(api))).toContain(d.id);
    expect(await ids(staff)).not.toContain(d.id);
    expect(errorCode(await api.gql(REVOKE, { id: d.id }, staff))).toBe('NOT_FOUND');
  });
});
