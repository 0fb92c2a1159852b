import { startDemoApi, type DemoApi } from '../harness/demo';
import type { TestApi } from '../harness/app';

describe('demo hybrid work', () => {
  let demo: DemoApi;
  let api: TestApi;
  const sign = (key: string) => demo.signIn(key);

  beforeAll(async () => {
    demo = await startDemoApi('tasks');
    api = demo.api;
  });

  afterAll(() => demo?.close());

  it('gives a new user a living team: tasks, targets, a week of reports, some waiting, and an approved arrangement', async () => {
    const staff = await sign('pranata-komputer');
    const year = new Date().getUTCFullYear();
    const mine = await api.gqlOk<any>(
      `query($year: Int!, $from: Date!, $to: Date!) {
        tasks { totalCount edges { node { title status assignees { name } } } }
        performanceTargets(year: $year) { title achievedQuantity }
        dailyReports(from: $from, to: $to) { status workMode totalMinutes }
        workArrangements(status: [APPROVED]) { kind workMode weekdays decidedBy { name } }
      }`,
      { year, from: new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) },
      staff,
    );
    expect(mine.tasks.totalCount).toBe(2);
    expect(mine.tasks.edges.map((e: any) => e.node.title).sort()).toEqual([
      'Menyusun laporan evaluasi SPBE triwulan IV',
      'Pembaruan sertifikat TLS aplikasi layanan',
    ]);
    expect(mine.performanceTargets).toHaveLength(2);
    // Three approved days of the week count: one output a day against the first target.
    expect(mine.performanceTargets.find((t: any) => t.title === 'Pemeliharaan aplikasi layanan publik').achievedQuantity).toBe(3);
    expect(mine.dailyReports.map((r: any) => r.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED', 'SUBMITTED', 'SUBMITTED']);
    expect(mine.dailyReports.some((r: any) => r.workMode === 'HOME')).toBe(true);
    expect(mine.workArrangements).toEqual([
      { kind: 'LOCATION', workMode: 'HOME', weekdays: [5], decidedBy: { name: 'Dewi Lestari, S.T., M.Kom.' } },
    ]);

    const leader = await sign('kabid-aptika');
    const { reportsToReview, me } = await api.gqlOk<any>(
      '{ reportsToReview { status user { name } } me { position { unit { id } } } }',
      {},
      leader,
    );
    expect(reportsToReview).toEqual([
      { status: 'SUBMITTED', user: { name: 'Budi Santoso, S.Kom.' } },
      { status: 'SUBMITTED', user: { name: 'Budi Santoso, S.Kom.' } },
    ]);
    const { teamWorkload } = await api.gqlOk<any>(
      'query($unitId: ID!) { teamWorkload(unitId: $unitId) { user { name } openTasks pendingReports lastWorkMode } }',
      { unitId: me.position.unit.id },
      leader,
    );
    expect(teamWorkload.find((r: any) => r.user.name === 'Budi Santoso, S.Kom.')).toMatchObject({ openTasks: 2, pendingReports: 2 });
  });
});
