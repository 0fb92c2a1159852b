import type { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { auditHash, AuditEventEntity, MAINTENANCE_QUEUE, QueueRegistry } from '@gesit/platform';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { testEnv } from '../harness/env';
import { adminToken } from '../harness/identity';
import { createUnit } from '../harness/org';

const VERIFY = 'query { verifyAuditChain { valid checkedEvents firstBrokenEventId checkpointsChecked truncated problem } }';
const CHECKPOINT = 'mutation { writeAuditCheckpoint { seq lastEventId eventCount headHash } }';
const TRIGGER = 'audit_event_no_update_delete';

/**
 * What a database superuser can do: with the append-only trigger off, edit events and re-hash the chain
 * with the project's own function, or delete the newest events. The signed checkpoints, kept outside the
 * database, still tell.
 */
describe('audit chain anchored by signed checkpoints', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
    db = api.app.get(DataSource);
  });

  afterAll(() => api.close());

  const verify = async () => (await api.gqlOk<any>(VERIFY, {}, admin)).verifyAuditChain;
  const checkpoint = async () => (await api.gqlOk<any>(CHECKPOINT, {}, admin)).writeAuditCheckpoint;
  const someChanges = async (n: number) => {
    for (let i = 0; i < n; i++) await createUnit(api, admin, { name: `Unit Jangkar ${i}` });
  };
  const rowsFrom = (id: string): Promise<AuditEventEntity[]> =>
    db.getRepository(AuditEventEntity).createQueryBuilder('e').where('e.id >= :id', { id }).orderBy('e.id', 'ASC').getMany();
  const asSuperuser = (work: (q: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>) =>
    db.transaction(async (em) => {
      await em.query(`ALTER TABLE audit_event DISABLE TRIGGER ${TRIGGER}`);
      await work((sql, params) => em.query(sql, params));
      await em.query(`ALTER TABLE audit_event ENABLE TRIGGER ${TRIGGER}`);
    });

  /** Rewrites `hash`/`prev_hash` from the event `fromId` on, as the project computes them. */
  async function rehashFrom(fromId: string, q: (sql: string, params?: unknown[]) => Promise<unknown>) {
    const [before] = (await q('SELECT hash FROM audit_event WHERE id < $1 ORDER BY id DESC LIMIT 1', [fromId])) as { hash: string }[];
    let prev: string | null = before?.hash ?? null;
    for (const row of (await q('SELECT * FROM audit_event WHERE id >= $1 ORDER BY id', [fromId])) as any[]) {
      const hash = auditHash(prev, {
        id: String(row.id),
        at: row.at,
        actorId: row.actor_id,
        actingForId: row.acting_for_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        change: row.change,
      });
      await q('UPDATE audit_event SET prev_hash = $2, hash = $3 WHERE id = $1', [row.id, prev, hash]);
      prev = hash;
    }
  }

  it('names the stretch that was edited and re-hashed after a checkpoint, also in npm run audit:verify', async () => {
    await someChanges(2);
    const first = await checkpoint();
    await someChanges(3);
    const second = await checkpoint();
    expect(second.seq).toBe(first.seq + 1);
    // Nothing new: no new checkpoint.
    expect((await checkpoint()).seq).toBe(second.seq);
    expect(await verify()).toMatchObject({ valid: true, truncated: false, problem: null, checkpointsChecked: second.seq });

    const original = await rowsFrom(String(BigInt(first.lastEventId) + 1n));
    const victim = original[1];
    await asSuperuser(async (q) => {
      await q(`UPDATE audit_event SET change = '{"name":"Unit Palsu"}'::jsonb WHERE id = $1`, [victim.id]);
      await rehashFrom(victim.id, q);
    });
    try {
      const status = await verify();
      expect(status).toMatchObject({ valid: false, truncated: false, firstBrokenEventId: original[0].id, checkpointsChecked: first.seq });
      expect(status.problem).toMatch(
        new RegExp(`titik periksa #${second.seq} .*setelah peristiwa ${first.lastEventId} sampai ${second.lastEventId}`),
      );

      const script = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/audit-verify.ts'], {
        env: { ...process.env, ...testEnv({ STORAGE_DIR: api.config.storageDir }) } as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(script.status).toBe(1);
      expect(script.stderr).toContain(`audit chain BROKEN at event ${original[0].id}`);
      expect(script.stderr).toContain(`titik periksa #${second.seq}`);
    } finally {
      await asSuperuser(async (q) => {
        for (const row of original) {
          await q('UPDATE audit_event SET change = $2, prev_hash = $3, hash = $4 WHERE id = $1', [
            row.id,
            JSON.stringify(row.change),
            row.prevHash,
            row.hash,
          ]);
        }
      });
    }
    expect((await verify()).valid).toBe(true);
  });

  it('reports a missing tail when the newest events covered by a checkpoint are deleted', async () => {
    await someChanges(3);
    const latest = await checkpoint();
    const tail = await rowsFrom(String(BigInt(latest.lastEventId) - 2n));
    expect(tail.map((e) => e.id).at(-1)).toBe(latest.lastEventId);
    await asSuperuser((q) => q('DELETE FROM audit_event WHERE id >= $1', [tail[0].id]).then(() => undefined));
    try {
      const status = await verify();
      expect(status).toMatchObject({ valid: false, truncated: true });
      expect(status.problem).toMatch(
        new RegExp(`Ekor rantai audit hilang: titik periksa #${latest.seq} .*${latest.eventCount} peristiwa sampai ${latest.lastEventId}`),
      );
    } finally {
      await asSuperuser(async (q) => {
        for (const e of tail) {
          await q(
            `INSERT INTO audit_event (id, at, actor_id, acting_for_id, action, entity_type, entity_id, change, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [e.id, e.at, e.actorId, e.actingForId, e.action, e.entityType, e.entityId, JSON.stringify(e.change), e.prevHash, e.hash],
          );
        }
      });
    }
    expect((await verify()).valid).toBe(true);
  });

  it('is written by a worker job scheduler as well', async () => {
    const worker: INestApplicationContext = await startTestWorker({ STORAGE_DIR: api.config.storageDir });
    try {
      const schedulers = await worker.get(QueueRegistry).get(MAINTENANCE_QUEUE).getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toContain('audit-checkpoint');
    } finally {
      await worker.close();
    }
  });
});
