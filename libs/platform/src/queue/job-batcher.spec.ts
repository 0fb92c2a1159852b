import { JobBatcher } from './job-batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('JobBatcher', () => {
  it('runs a lone item at once, and groups what arrives while every run is busy', async () => {
    const runs: number[][] = [];
    const release: (() => void)[] = [];
    const batcher = new JobBatcher<number, number>(
      (items) => {
        runs.push(items);
        return new Promise((resolve) => release.push(() => resolve(items.map((i) => i * 10))));
      },
      { maxBatch: 3, maxRunning: 1 },
    );
    const results = [1, 2, 3, 4, 5].map((i) => batcher.add(i));
    expect(runs).toEqual([[1]]);
    release.shift()!();
    await tick();
    expect(runs).toEqual([[1], [2, 3, 4]]);
    release.shift()!();
    await tick();
    release.shift()!();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
    expect(runs).toEqual([[1], [2, 3, 4], [5]]);
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
    const first = batcher.add(1);
    const second = batcher.add(2);
    await expect(first).rejects.toThrow('database gone');
    await expect(second).resolves.toBe(2);
  });

  it('refuses a run that returns a result count other than its item count', async () => {
    const batcher = new JobBatcher<number, number>(async () => [], { maxBatch: 10, maxRunning: 2 });
    await expect(batcher.add(1)).rejects.toThrow('a batch of 1 returned 0 results');
  });
});
