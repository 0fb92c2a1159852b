import {
  createRequest,
  type AnyVariables,
  type Client,
  type DocumentInput,
  type Exchange,
  type Operation,
  type OperationResult,
} from 'urql';
import { empty, filter, fromPromise, fromValue, makeSubject, map, merge, mergeMap, pipe, share, takeUntil } from 'wonka';

// Answers asked for before their screen asks (the inbox's first page, together with `Me` at sign-in), each handed
// to the next query with the same key once. Not a cacheExchange: screens rely on network answers after mutations,
// and a document cache would keep them stale. Everything else goes to the network as before.

/** The plain bookkeeping: one answer per operation key, kept for `ttlMs`, taken once. */
export class PrimedAnswers<R> {
  readonly #entries = new Map<number, { answer: Promise<R | undefined>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps what `answer` resolves to for the next query with `key`; undefined (a failure) sends that query to the network. */
  prime(key: number, answer: Promise<R | undefined>): void {
    this.#entries.set(key, { answer, until: this.now() + this.ttlMs });
  }

  /** The answer a query with `key` may wait for (it may still be on its way); null when there is none or it is too old. */
  waitFor(key: number): Promise<R | undefined> | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.until >= this.now()) return entry.answer;
    this.#entries.delete(key);
    return null;
  }

  /** Whether `answer` is still the one kept for `key` (not taken, dropped or replaced); it is dropped now, so true once. */
  take(key: number, answer: Promise<R | undefined>): boolean {
    if (this.#entries.get(key)?.answer !== answer) return false;
    this.#entries.delete(key);
    return true;
  }

  /** Drops the answer kept for `key`, if any. */
  drop(key: number): void {
    this.#entries.delete(key);
  }

  /** Drops everything, e.g. when the session changes: the next person never sees the previous one's answers. */
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * The exchange that hands primed answers on (put it first), and `prime`, which asks for one. A query with a primed
 * key waits for its answer, which arrives after the current tick: React's render-time look at a query tears it
 * down at once and must not use the answer up. When the answer failed or was dropped, the query goes to the network.
 */
export function primedAnswers(ttlMs = 30_000) {
  const answers = new PrimedAnswers<OperationResult>(ttlMs);

  // A query that asks for the network gets it, and the kept answer, older than its own, is dropped.
  const answerFor = (operation: Operation) => {
    if (operation.kind !== 'query') return null;
    if (operation.context.requestPolicy !== 'network-only') return answers.waitFor(operation.key);
    answers.drop(operation.key);
    return null;
  };

  const exchange: Exchange =
    ({ forward }) =>
    (ops$) => {
      const ops = pipe(
        ops$,
        map((operation) => ({ operation, answer: answerFor(operation) })),
        share,
      );
      const toNetwork = makeSubject<Operation>();
      const answered$ = pipe(
        ops,
        filter((op): op is { operation: Operation; answer: Promise<OperationResult | undefined> } => op.answer !== null),
        mergeMap(({ operation, answer }) => {
          const torn = pipe(
            ops,
            filter(({ operation: op }) => op.kind === 'teardown' && op.key === operation.key),
          );
          return pipe(
            fromPromise(answer),
            takeUntil(torn),
            mergeMap((result) => {
              if (result && answers.take(operation.key, answer))
                return fromValue<OperationResult>({ ...result, operation, stale: false, hasNext: false });
              toNetwork.next(operation);
              return empty;
            }),
          );
        }),
      );
      const forwarded$ = forward(
        merge([
          pipe(
            ops,
            filter(({ answer }) => answer === null),
            map(({ operation }) => operation),
          ),
          toNetwork.source,
        ]),
      );
      return merge([forwarded$, answered$]);
    };

  /** Asks for a query now; the next query with the same document and variables gets this answer instead of asking again. */
  function prime<Data, Variables extends AnyVariables>(client: Client, query: DocumentInput<Data, Variables>, variables: Variables): void {
    const request = createRequest(query, variables);
    // Under a key of its own (keys are whole-number hashes): with the same key the client would join the screen's
    // query to this one before it reached the exchange, and the kept answer would go to a later, staler visit.
    const operation = client.createRequestOperation('query', { ...request, key: request.key + 0.5 }, { requestPolicy: 'network-only' });
    const answer = client
      .executeRequestOperation(operation)
      .toPromise()
      .then(
        (result) => (result.data && !result.error ? (result as OperationResult) : undefined),
        () => undefined,
      );
    answers.prime(request.key, answer);
  }

  return { exchange, prime, clear: () => answers.clear() };
}
