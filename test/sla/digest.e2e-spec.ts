import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DIGEST_KIND, DigestService } from '@gesit/notifications';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { createPerson, createUnit, Person } from '../harness/org';

// Tuesday 18 August 2026; Monday the 17th is a national holiday, so the working day before is Friday the 14th.
const TUESDAY_10_WIB = new Date('2026-08-18T03:00:00Z');
const TUESDAY_0659_WIB = new Date('2026-08-17T23:59:00Z');
const TUESDAY_07_WIT = new Date('2026-08-17T22:00:00Z'); // 05:00 WIB
const TUESDAY_0659_WIT = new Date('2026-08-17T21:59:00Z');
const HOLIDAY_10_WIB = new Date('2026-08-17T03:00:00Z');
const SUNDAY_10_WIB = new Date('2026-08-23T03:00:00Z');

/**
 * Daily digests from the worker's DigestService at fixed instants, over assignments written with SQL:
 *   Jakarta:  leader ─ staff ─ clerkBelow        (plus an idle leader with nobody below)
 *   Jayapura: leaderJpr ─ staffJpr
 */
describe('daily digest', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let digest: DigestService;
  let db: DataSource;
  let p: Record<'leader' | 'staff' | 'below' | 'idle' | 'outsider' | 'clerk' | 'leaderJpr' | 'staffJpr', Person>;
  const numbers = { fresh: '', dueToday: '', overdue: '', completed: '', cancelled: '', jayapura: '' };

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await adminToken(api);
    const jkt = await createUnit(api, admin, { name: 'Dinas Ringkasan', timezone: 'Asia/Jakarta' });
    const jpr = await createUnit(api, admin, { name: 'Dinas Ringkasan Papua', timezone: 'Asia/Jayapura' });
    const leader = await createPerson(api, admin, { name: 'Kepala Ringkasan', roles: ['LEADER'], unitId: jkt });
    const staff = await createPerson(api, admin, { name: 'Budi Staf', roles: ['STAFF'], unitId: jkt, superiorId: leader.positionId });
    const leaderJpr = await createPerson(api, admin, { name: 'Kepala Papua', roles: ['LEADER'], unitId: jpr });
    p = {
      leader,
      staff,
      below: await createPerson(api, admin, { name: 'Citra Pelaksana', roles: ['STAFF'], unitId: jkt, superiorId: staff.positionId }),
      idle: await createPerson(api, admin, { name: 'Kepala Tanpa Bawahan', roles: ['LEADER'], unitId: jkt }),
      outsider: await createPerson(api, admin, { name: 'Penerima Surat', roles: ['LEADER'], unitId: jkt }),
      clerk: await createPerson(api, admin, { name: 'TU Ringkasan', roles: ['CLERK'], unitId: jkt }),
      leaderJpr,
      staffJpr: await createPerson(api, admin, { name: 'Yosef Staf', roles: ['STAFF'], unitId: jpr, superiorId: leaderJpr.positionId }),
    };
    db = api.app.get(DataSource);

    // Letters registered through the API (addressed to an outsider, so their own first dispositions stay out of the digests).
    const letter = async (key: keyof typeof numbers, subject: string, securityLevel = 'PUBLIC') => {
      numbers[key] = `DG/${key}/${randomUUID().slice(0, 8)}`;
      const registered = await registerIncomingLetter(api, p.clerk.token, {
        kind: 'MEMO',
        number: numbers[key],
        letterDate: '2026-08-01',
        subject,
        securityLevel,
        addresseeIds: [p.outsider.id],
      });
      return registered.id;
    };
    const assign = async (
      letterId: string,
      sender: Person,
      assignee: Person,
      a: { created: string; due: string; completed?: string; cancelled?: string },
    ) => {
      const dispositionId = randomUUID();
      await db.query(
        `INSERT INTO disposition (id, letter_id, sender_id, instructions, due_at, created_at) VALUES ($1, $2, $3, '{FOLLOW_UP}', $4, $5)`,
        [dispositionId, letterId, sender.id, a.due, a.created],
      );
      await db.query(
        `INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, completed_at, cancelled_at, created_at)
         VALUES ($1, $2, $3, $4, $5, 'NORMAL', $6, $7, $8, $9)`,
        [
          randomUUID(),
          dispositionId,
          letterId,
          assignee.id,
          a.completed ? 'COMPLETED' : 'UNREAD',
          a.due,
          a.completed ?? null,
          a.cancelled ?? null,
          a.created,
        ],
      );
    };
    // New: created Monday (after Friday 07:00 WIB), due next week.
    await assign(await letter('fresh', 'Undangan rapat koordinasi'), p.leader, p.staff, {
      created: '2026-08-17T02:00:00Z',
      due: '2026-08-25T09:00:00Z',
    });
    // Due today at 15:00 WIB, two levels below the leader.
    await assign(await letter('dueToday', 'Laporan realisasi anggaran'), p.leader, p.below, {
      created: '2026-08-10T02:00:00Z',
      due: '2026-08-18T08:00:00Z',
    });
    // Overdue since Friday, on a confidential letter: its subject stays out.
    await assign(await letter('overdue', 'Perkara kepegawaian', 'CONFIDENTIAL'), p.leader, p.staff, {
      created: '2026-08-05T02:00:00Z',
      due: '2026-08-14T09:00:00Z',
    });
    // Completed and withdrawn ones count nowhere, although one is new and due today and the other overdue.
    await assign(await letter('completed', 'Sudah selesai'), p.leader, p.staff, {
      created: '2026-08-17T02:00:00Z',
      due: '2026-08-18T05:00:00Z',
      completed: '2026-08-17T05:00:00Z',
    });
    await assign(await letter('cancelled', 'Ditarik kembali'), p.leader, p.staff, {
      created: '2026-08-17T02:00:00Z',
      due: '2026-08-13T09:00:00Z',
      cancelled: '2026-08-17T03:00:00Z',
    });
    // Jayapura: overdue since Monday 16:00 WIT.
    await assign(await letter('jayapura', 'Pendataan kampung'), p.leaderJpr, p.staffJpr, {
      created: '2026-08-10T00:00:00Z',
      due: '2026-08-17T07:00:00Z',
    });

    worker = await startTestWorker();
    digest = worker.get(DigestService);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** The digests of August 2026 a user got (the worker's own schedule, at the real time, cannot make those). */
  const digestsOf = (who: Person): Promise<{ kind: string; title: string; body: string; dedupe_key: string }[]> =>
    db.query(
      `SELECT kind, title, body, dedupe_key FROM notification WHERE user_id = $1 AND dedupe_key LIKE 'digest-%-2026-08-%' ORDER BY created_at`,
      [who.id],
    );
  const mine = () => ({ leaderIds: [p.leader.id, p.idle.id, p.leaderJpr.id, p.staff.id] });

  it('sends nothing before 07:00 local, on a national holiday or on a Sunday', async () => {
    expect(await digest.run(TUESDAY_0659_WIT, mine())).toBe(0);
    expect(await digest.run(TUESDAY_0659_WIB, { leaderIds: [p.leader.id, p.idle.id] })).toBe(0);
    expect(await digest.run(HOLIDAY_10_WIB, mine())).toBe(0);
    expect(await digest.run(SUNDAY_10_WIB, mine())).toBe(0);
    expect(await digestsOf(p.leader)).toEqual([]);
    expect(await digestsOf(p.leaderJpr)).toEqual([]);
  });

  it('is due at 07:00 WIT in Jayapura, while it is still 05:00 in Jakarta', async () => {
    expect(await digest.run(TUESDAY_07_WIT, mine())).toBe(1);
    expect(await digestsOf(p.leader)).toEqual([]);
    const [jpr, ...more] = await digestsOf(p.leaderJpr);
    expect(more).toEqual([]);
    expect(jpr).toMatchObject({ kind: DIGEST_KIND, dedupe_key: `digest-${p.leaderJpr.id}-2026-08-18` });
    expect(jpr.title).toBe('Ringkasan harian disposisi, Selasa, 18 Agustus 2026');
    expect(jpr.body).toContain('Baru: 0 · Jatuh tempo hari ini: 0 · Terlambat: 1');
    expect(jpr.body).toContain(`${numbers.jayapura} perihal "Pendataan kampung", kepada Yosef Staf, jatuh tempo 17 Agu 2026, 16.00 WIT`);
  });

  it('gives each leader one digest a day, with the counts and letters of everyone below them', async () => {
    // The whole organisation, as the scheduled job does; only this suite's leaders are asserted on.
    expect(await digest.run(TUESDAY_10_WIB)).toBeGreaterThanOrEqual(1);
    const [d, ...more] = await digestsOf(p.leader);
    expect(more).toEqual([]);
    expect(d.dedupe_key).toBe(`digest-${p.leader.id}-2026-08-18`);
    expect(d.body).toContain('Baru: 1 · Jatuh tempo hari ini: 1 · Terlambat: 1');
    expect(d.body).toContain('Baru (sejak 14 Agu 2026, 07.00 WIB)');
    expect(d.body).toContain(`${numbers.fresh} perihal "Undangan rapat koordinasi", kepada Budi Staf, jatuh tempo 25 Agu 2026, 16.00 WIB`);
    expect(d.body).toContain(
      `${numbers.dueToday} perihal "Laporan realisasi anggaran", kepada Citra Pelaksana, jatuh tempo 18 Agu 2026, 15.00 WIB`,
    );
    expect(d.body).toContain(`${numbers.overdue} (bersifat rahasia), kepada Budi Staf, jatuh tempo 14 Agu 2026, 16.00 WIB`);
    expect(d.body).not.toContain('Perkara kepegawaian');
    expect(d.body).not.toContain(numbers.completed);
    expect(d.body).not.toContain(numbers.cancelled);
    expect(d.body).not.toContain(numbers.jayapura);
    // The Jayapura leader already had today's; a leader with nothing to report gets none; staff are no leaders.
    expect(await digestsOf(p.leaderJpr)).toHaveLength(1);
    expect(await digestsOf(p.idle)).toEqual([]);
    expect(await digestsOf(p.staff)).toEqual([]);
    // Again the same day, later, from another run: nothing more.
    expect(await digest.run(TUESDAY_10_WIB)).toBe(0);
    expect(await digest.run(new Date('2026-08-18T09:45:00Z'), mine())).toBe(0);
    expect(await digestsOf(p.leader)).toHaveLength(1);
  });

  it('counts the "new" window from 07:00 of the working day before, so Wednesday leaves out Monday', async () => {
    const wednesday = new Date('2026-08-19T01:00:00Z'); // 08:00 WIB; the window starts Tuesday 07:00 WIB
    expect(await digest.run(wednesday, { leaderIds: [p.leader.id] })).toBe(1);
    const [, d] = await digestsOf(p.leader);
    expect(d.dedupe_key).toBe(`digest-${p.leader.id}-2026-08-19`);
    // The one due Tuesday 15:00 WIB is overdue by now.
    expect(d.body).toContain('Baru: 0 · Jatuh tempo hari ini: 0 · Terlambat: 2');
    expect(d.body).not.toContain('Baru (sejak');
  });
});
