export interface JobBatcherOptions {
  /** Most items one run takes. */
  maxBatch: number;
  /** Most runs at once; items that arrive while all are busy wait and go together in the next one. */
  maxRunning: number;
}

/**
 * Lets concurrent jobs share one run of set-based work (one transaction, a few statements) instead of
 * one each: on this machine each SQL statement's socket write costs more than the work it carries.
 * Runs start once per turn of the event loop (setImmediate), after the turn's I/O callbacks: the jobs
 * BullMQ hands over from one Redis reply, or the deliveries one batch read releases, all join the same run
 * instead of the first of them running alone. Under load the items that arrive while `maxRunning` runs
 * are busy go together. A run that fails fails every item in it, and their jobs are retried as usual, so
 * the work must be idempotent per item.
 */
export class JobBatcher<I, O> {
  private pending: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    /** Returns one result per item, in the same order. */
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: JobBatcherOptions,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.maxRunning) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.options.maxRunning && this.pending.length) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.running++;
      this.run(batch.map((b) => b.item))
        .then((results) => {
          if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} returned ${results.length} results`);
          batch.forEach((b, i) => b.resolve(results[i]));
        })
        .catch((error: unknown) => batch.forEach((b) => b.reject(error)))
        .finally(() => {
          this.running--;
          if (this.pending.length) this.schedule();
        });
    }
  }
}
