import { JobBatcher } from './job-batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('JobBatcher', () => {
  it('runs the items of one event-loop turn together, and groups what arrives while every run is busy', async () => {
    const runs: number[][] = [];
    const release: (() => void)[] = [];
    const batcher = new JobBatcher<number, number>(
      (items) => {
        runs.push(items);
        return new Promise((resolve) => release.push(() => resolve(items.map((i) => i * 10))));
      },
      { maxBatch: 3, maxRunning: 1 },
    );
    const results = [1, 2].map((i) => batcher.add(i));
    expect(runs).toEqual([]);
    await tick();
    expect(runs).toEqual([[1, 2]]);
    results.push(...[3, 4, 5, 6].map((i) => batcher.add(i)));
    release.shift()!();
    await tick();
    await tick();
    expect(runs).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    release.shift()!();
    await tick();
    await tick();
    release.shift()!();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(runs).toEqual([[1, 2], [3, 4, 5], [6]]);
  });

  it('runs a lone item in the next turn', async () => {
    const batcher = new JobBatcher<number, number>(async (items) => items, { maxBatch: 10, maxRunning: 2 });
    await expect(batcher.add(7)).resolves.toBe(7);
  });

  it('fails every item of a failed run, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new JobBatcher<number, number>(
      async (items) => {
        if (calls++ === 0) throw new Error('database gone');
        return items;
      },
      { maxBatch: 10, maxRunning: 1 },
    );
    const first = [batcher.add(1), batcher.add(2)];
    await expect(first[0]).rejects.toThrow('database gone');
    await expect(first[1]).rejects.toThrow('database gone');
    await expect(batcher.add(3)).resolves.toBe(3);
  });

  it('refuses a run that returns a result count other than its item count', async () => {
    const batcher = new JobBatcher<number, number>(async () => [], { maxBatch: 10, maxRunning: 2 });
    await expect(batcher.add(1)).rejects.toThrow('a batch of 1 returned 0 results');
  });
});
