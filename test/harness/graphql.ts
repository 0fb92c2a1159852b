/** One GraphQL answer: the HTTP status and the body's data and errors. */
export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** GraphQL over HTTP against one API, in this process or a child process. */
export interface GraphqlClient {
  url: string;
  /** POST /graphql as the holder of `token` (if any), with any extra request headers. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
}

/** A client for the API at `url`; a request that takes longer than `timeoutMs` fails (none by default). */
export function graphqlClient(url: string, timeoutMs?: number): GraphqlClient {
  async function gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
      signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GraphqlResponse<T>['errors'] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  }
  return {
    url,
    gql,
    async gqlOk<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
      const res = await gql<T>(query, variables, token);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
  };
}

/** The error code of the first GraphQL error, for concise assertions. */
export function errorCode(res: GraphqlResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
