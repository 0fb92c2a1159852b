import { createFaultOrg, disposeDueIn, type FaultOrg } from './support/fault-org';
import { type FaultStack, type RemoteApi, startFaultStack } from './support/fault-stack';
import { sleep, until } from './support/ports';
import type { GesitProcess } from './support/processes';

const KINDS = ['assignment.due-soon', 'assignment.overdue', 'assignment.escalated'];

describe('faults: the worker killed with SIGKILL', () => {
  let stack: FaultStack;
  let api: RemoteApi;
  let worker: GesitProcess;
  let org: FaultOrg;

  beforeAll(async () => {
    stack = await startFaultStack();
    [api, worker] = await Promise.all([stack.startApi('api'), stack.startWorker('worker')]);
    org = await createFaultOrg(api, await stack.adminToken(api), 40);
  }, 180_000);

  afterAll(async () => {
    await stack?.destroy();
  });

  const notificationsAbout = (assignmentIds: string[]) =>
    stack.query<{ user_id: string; kind: string; entity_id: string }>(
      'SELECT user_id, kind, entity_id FROM notification WHERE entity_id = ANY($1::text[])',
      [assignmentIds],
    );

  it('in the middle of a burst of reminders: after a restart every reminder arrives exactly once', async () => {
    const assignments = await disposeDueIn(
      api,
      org,
      org.staff.map((s) => s.id),
      12,
      'beruntun',
    );
    const expected = assignments.length * KINDS.length;
    // Kill it as soon as the burst has begun, while jobs are running and more are queued.
    const atKill = await until(
      'the first reminders of the burst',
      async () => {
        const count = (await notificationsAbout(assignments)).length;
        return count > 0 ? count : undefined;
      },
      40_000,
      20,
    );
    await worker.kill9();
    expect(atKill).toBeLessThan(expected);
    worker = await stack.startWorker('worker-2');

    await until(
      'every reminder, due notice and escalation',
      async () => ((await notificationsAbout(assignments)).length >= expected ? true : undefined),
      60_000,
      250,
    );
    // Two more sweeps and job-lock periods, for anything that would arrive a second time.
    await sleep(5_000);
    const rows = await notificationsAbout(assignments);
    expect(rows).toHaveLength(expected);
    for (const id of assignments) {
      expect(
        rows
          .filter((n) => n.entity_id === id)
          .map((n) => n.kind)
          .sort(),
      ).toEqual([...KINDS].sort());
    }
    expect(rows.filter((n) => n.kind === 'assignment.escalated').every((n) => n.user_id === org.head.id)).toBe(true);
    // What the head sees in the app: one escalation per overdue assignment.
    const { notifications } = await api.gqlOk<any>(
      '{ notifications(first: 100) { edges { node { kind entityId } } } }',
      {},
      org.head.token,
    );
    const escalated = notifications.edges.filter(
      (e: any) => e.node.kind === 'assignment.escalated' && assignments.includes(e.node.entityId),
    );
    expect(escalated).toHaveLength(assignments.length);
  }, 120_000);
});
