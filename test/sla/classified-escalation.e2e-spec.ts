import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DigestService } from '@gesit/notifications';
import { startTestApi, startTestWorker, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { disposedLetter, secondsFromNow } from '../harness/letters';
import { type Agency, createAgency } from '../harness/org';
import { sleep } from '../harness/wait';

/**
 * A SECRET letter to the head of the agency, disposed straight to a member of staff two levels down: the
 * staff's own superior (the head of division) is named nowhere on it, so may not read it.
 */
describe('escalations and digests of classified letters', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: Agency;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
    worker = await startTestWorker();
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function secretLetterDisposedToStaff(dueInSeconds: number) {
    const letter = await disposedLetter(
      api,
      org.clerk.token,
      org.head,
      [org.staff.id],
      {
        number: `R/${Date.now()}/INSP/2026`,
        subject: 'Temuan pemeriksaan khusus',
        senderName: 'Inspektorat',
        securityLevel: 'SECRET',
        urgency: 'URGENT',
      },
      secondsFromNow(dueInSeconds),
    );
    return { letterId: letter.id, number: letter.number, assignmentId: letter.assignmentIds[0] };
  }

  it('tells a superior who may not read the letter that something is late, and nothing more', async () => {
    const { letterId, number } = await secretLetterDisposedToStaff(3);
    const deadline = Date.now() + 30_000;
    let escalations: { title: string; body: string; entity_id: string | null }[] = [];
    while (!escalations.length && Date.now() < deadline) {
      await sleep(250);
      escalations = await db.query(
        `SELECT title, body, entity_id FROM notification WHERE user_id = $1 AND kind = 'assignment.escalated' AND created_at > now() - interval '5 minutes'`,
        [org.division1.id],
      );
    }
    expect(escalations).toHaveLength(1);
    const [escalation] = escalations;
    expect(escalation.title).toBe('Eskalasi tingkat 1: disposisi surat bersifat rahasia');
    const text = `${escalation.title} ${escalation.body}`;
    expect(text).not.toContain(number);
    expect(text).not.toContain('Temuan pemeriksaan');
    expect(text).not.toContain('Staf Bidang Satu');
    expect(escalation.entity_id).toBeNull();
    // The head of division indeed may not read it; the staff member was told, with the number.
    expect(
      (await api.gql('query($id: ID!) { letter(id: $id) { id } }', { id: letterId }, org.division1.token)).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    const [overdue] = await db.query(`SELECT body FROM notification WHERE user_id = $1 AND kind = 'assignment.overdue' AND body LIKE $2`, [
      org.staff.id,
      `%${number}%`,
    ]);
    expect(overdue).toBeDefined();
  }, 45_000);

  it("keeps the letter's number and holder out of the daily digest of a leader who may not read it", async () => {
    const { number } = await secretLetterDisposedToStaff(3600);
    // A working Tuesday morning long after the due time: the assignment is overdue in that digest.
    const sent = await worker.get(DigestService).run(new Date('2030-01-08T03:00:00Z'), { leaderIds: [org.division1.id] });
    expect(sent).toBe(1);
    const [digest] = await db.query(`SELECT body FROM notification WHERE user_id = $1 AND kind = 'digest.daily'`, [org.division1.id]);
    expect(digest.body).toContain('surat bersifat rahasia (Anda tidak berhak membacanya)');
    expect(digest.body).not.toContain(number);
    expect(digest.body).not.toContain('Staf Bidang Satu');
  });
});
