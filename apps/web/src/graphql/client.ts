import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange, type CombinedError } from 'urql';
import { graphql } from '../gql';
import { getSession, secondsLeft, setSession } from '../auth/session';
import { currentLang } from '../i18n/i18n';

const RefreshSession = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
    }
  }
`);

const expired = (error: CombinedError) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

function wsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

// One socket for live notifications; it re-authenticates with the current token when it reconnects.
const ws = createWsClient({
  url: wsUrl(),
  lazy: true,
  retryAttempts: Infinity,
  connectionParams: () => {
    const token = getSession()?.accessToken;
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

export function closeLiveConnection(): void {
  ws.terminate();
}

export const client = new Client({
  url: '/graphql',
  // Accept-Language makes the API's own texts (errors, timeline) follow the console's language.
  fetchOptions: () => ({ headers: { 'accept-language': currentLang() } }),
  exchanges: [
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const token = getSession()?.accessToken;
        return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
      },
      willAuthError() {
        const session = getSession();
        if (!session?.refreshToken) return false;
        const left = session.accessToken ? secondsLeft(session.accessToken) : -1;
        return left !== null && left < 15;
      },
      didAuthError: (error) => expired(error),
      async refreshAuth() {
        const refreshToken = getSession()?.refreshToken;
        if (!refreshToken) {
          setSession(null);
          return;
        }
        const result = await utils.mutate(RefreshSession, { refreshToken });
        const next = result.data?.refreshSession;
        if (next?.accessToken) {
          setSession({ accessToken: next.accessToken, refreshToken: next.refreshToken ?? null });
          ws.terminate();
        } else {
          setSession(null);
        }
      },
    })),
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

/** POST /files with the session's token; answers the stored file's id and name. */
export async function uploadFile(file: File): Promise<{ id: string; filename: string; sha256: string }> {
  const body = new FormData();
  body.append('file', file);
  const send = () =>
    fetch('/files', {
      method: 'POST',
      headers: { authorization: `Bearer ${getSession()?.accessToken ?? ''}`, 'accept-language': currentLang() },
      body,
    });
  const res = await send();
  const json = (await res.json()) as { id: string; filename: string; sha256: string; error?: { message: string }; message?: string };
  if (!res.ok) throw new Error(json.error?.message ?? json.message ?? `HTTP ${res.status}`);
  return json;
}
