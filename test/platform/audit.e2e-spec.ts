import { DataSource } from 'typeorm';
import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { createPerson, createUnit } from '../harness/org';

const VERIFY = 'query { verifyAuditChain { valid checkedEvents firstBrokenEventId } }';

describe('audit log', () => {
  let api: TestApi;
  let admin: string;
  let unitId: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    unitId = await createUnit(api, admin, { name: 'Unit Audit' });
  });

  afterAll(() => api.close());

  it('records every change with its actor, and the chain verifies', async () => {
    const trail = await api.gqlOk<any>(
      'query($id: ID!) { auditTrail(entityType: "Unit", entityId: $id) { action actor { id } hash prevHash } }',
      { id: unitId },
      admin,
    );
    expect(trail.auditTrail).toHaveLength(1);
    expect(trail.auditTrail[0].action).toBe('unit.created');
    expect(trail.auditTrail[0].actor).not.toBeNull();
    const status = (await api.gqlOk<any>(VERIFY, {}, admin)).verifyAuditChain;
    expect(status).toMatchObject({ valid: true, firstBrokenEventId: null });
    expect(status.checkedEvents).toBeGreaterThan(0);
  });

  it('refuses UPDATE and DELETE on the audit log in the database itself', async () => {
    const db = api.app.get(DataSource);
    await expect(db.query(`UPDATE audit_event SET action = 'x' WHERE id = (SELECT max(id) FROM audit_event)`)).rejects.toThrow(
      'append-only',
    );
    await expect(db.query('DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)')).rejects.toThrow('append-only');
  });

  it('finds a tampered event and names it', async () => {
    const db = api.app.get(DataSource);
    const [victim] = await db.query(`SELECT id, action FROM audit_event WHERE entity_type = 'Unit' AND entity_id = $1`, [unitId]);
    await db.transaction(async (em) => {
      await em.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      await em.query(`UPDATE audit_event SET action = 'unit.deleted' WHERE id = $1`, [victim.id]);
      await em.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    });
    try {
      const status = (await api.gqlOk<any>(VERIFY, {}, admin)).verifyAuditChain;
      expect(status).toMatchObject({ valid: false, firstBrokenEventId: String(victim.id) });
    } finally {
      // Put it back so the rest of the run keeps an intact chain.
      await db.transaction(async (em) => {
        await em.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
        await em.query('UPDATE audit_event SET action = $2 WHERE id = $1', [victim.id, victim.action]);
        await em.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
      });
    }
    expect((await api.gqlOk<any>(VERIFY, {}, admin)).verifyAuditChain.valid).toBe(true);
  });

  it('keeps the audit log for ADMINs', async () => {
    const staff = await createPerson(api, admin, { name: 'Staf Biasa', roles: ['STAFF'], unitId });
    expect(errorCode(await api.gql(VERIFY, {}, staff.token))).toBe('FORBIDDEN');
  });
});
