import { Client, fetchExchange, type OperationResult } from 'urql';
import { PrimedAnswers, primedAnswers } from './primed';

const INBOX = 'query Inbox($first: Int) { inbox(first: $first) { totalCount } }';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A client with the primed exchange in front of fetch; the API answers each request with the next count. */
function setUp(answer: (count: number) => unknown = (count) => ({ data: { inbox: { totalCount: count } } })) {
  const requests: unknown[] = [];
  const release: (() => void)[] = [];
  let held = false;
  const fetch = async (url: unknown) => {
    requests.push(url);
    const body = JSON.stringify(answer(requests.length));
    if (held) await new Promise<void>((resolve) => release.push(resolve));
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  const primed = primedAnswers();
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [primed.exchange, fetchExchange], fetch });
  return {
    client,
    primed,
    requests,
    /** Keeps the API's answers back until `release` is called. */
    hold: () => (held = true),
    release: () => {
      held = false;
      release.splice(0).forEach((resolve) => resolve());
    },
    /** What a screen's useQuery does: a render-time look (subscribed and dropped at once), then a subscription. */
    query(variables: { first: number }): Promise<OperationResult> {
      client
        .query(INBOX, variables)
        .subscribe(() => undefined)
        .unsubscribe();
      return client.query(INBOX, variables, { requestPolicy: 'cache-and-network' }).toPromise();
    },
  };
}

describe('primed answers', () => {
  it('answers the next query with the same key from the primed request, once', async () => {
    const api = setUp();
    api.primed.prime(api.client, INBOX, { first: 25 });
    await tick();
    expect(api.requests).toHaveLength(1);

    expect((await api.query({ first: 25 })).data).toEqual({ inbox: { totalCount: 1 } });
    expect(api.requests).toHaveLength(1);
    // Once: the next visit asks the API again.
    expect((await api.query({ first: 25 })).data).toEqual({ inbox: { totalCount: 2 } });
    expect(api.requests).toHaveLength(2);
  });

  it('gives a query asked while the primed request is on its way that answer, without a second request', async () => {
    const api = setUp();
    api.hold();
    api.primed.prime(api.client, INBOX, { first: 25 });
    const result = api.query({ first: 25 });
    await tick();
    api.release();
    expect((await result).data).toEqual({ inbox: { totalCount: 1 } });
    expect(api.requests).toHaveLength(1);
    // Nothing is kept for a later visit.
    expect((await api.query({ first: 25 })).data).toEqual({ inbox: { totalCount: 2 } });
  });

  it('sends other variables, and everything after clear(), to the API', async () => {
    const api = setUp();
    api.primed.prime(api.client, INBOX, { first: 25 });
    expect((await api.query({ first: 10 })).data).toEqual({ inbox: { totalCount: 2 } });
    api.primed.clear();
    expect((await api.query({ first: 25 })).data).toEqual({ inbox: { totalCount: 3 } });
    expect(api.requests).toHaveLength(3);
  });

  it('sends a query that asks for the network there, and drops the kept answer', async () => {
    const api = setUp();
    api.primed.prime(api.client, INBOX, { first: 25 });
    await tick();
    const fresh = await api.client.query(INBOX, { first: 25 }, { requestPolicy: 'network-only' }).toPromise();
    expect(fresh.data).toEqual({ inbox: { totalCount: 2 } });
    expect((await api.query({ first: 25 })).data).toEqual({ inbox: { totalCount: 3 } });
  });

  it('sends a query still waiting when clear() drops the answer (sign-out) to the API', async () => {
    const api = setUp();
    api.hold();
    api.primed.prime(api.client, INBOX, { first: 25 });
    const result = api.query({ first: 25 });
    await tick();
    api.primed.clear();
    api.release();
    expect((await result).data).toEqual({ inbox: { totalCount: 2 } });
    expect(api.requests).toHaveLength(2);
  });

  it('sends the query to the API when the primed request failed', async () => {
    const api = setUp((count) =>
      count === 1 ? { errors: [{ message: 'busy', extensions: { code: 'UNAVAILABLE' } }] } : { data: { inbox: { totalCount: count } } },
    );
    api.primed.prime(api.client, INBOX, { first: 25 });
    expect((await api.query({ first: 25 })).data).toEqual({ inbox: { totalCount: 2 } });
    expect(api.requests).toHaveLength(2);
  });
});

describe('PrimedAnswers', () => {
  it.each([
    ['within the time', 29_999, true],
    ['at the limit', 30_000, true],
    ['too old', 30_001, false],
  ])('an answer %s is there to wait for', (_, later, there) => {
    let now = 1_000;
    const answers = new PrimedAnswers<string>(30_000, () => now);
    answers.prime(7, Promise.resolve('page'));
    now += later;
    expect(answers.waitFor(7) !== null).toBe(there);
  });

  it('is taken once, and not after it was replaced or cleared', () => {
    const answers = new PrimedAnswers<string>(30_000);
    const first = Promise.resolve('A');
    answers.prime(7, first);
    expect(answers.take(7, first)).toBe(true);
    expect(answers.take(7, first)).toBe(false);
    expect(answers.waitFor(7)).toBeNull();

    answers.prime(7, first);
    const second = Promise.resolve('B');
    answers.prime(7, second);
    expect(answers.take(7, first)).toBe(false);
    answers.clear();
    expect(answers.take(7, second)).toBe(false);
    expect(answers.waitFor(7)).toBeNull();
  });
});
