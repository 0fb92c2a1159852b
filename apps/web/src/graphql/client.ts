import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange, type AnyVariables, type CombinedError, type DocumentInput } from 'urql';
import { getSession, onSessionChange, secondsLeft, setSession } from '../auth/session';
import { currentLang } from '../i18n/i18n';
import { primedAnswers } from './primed';

const expired = (error: CombinedError) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

const REFRESH = `mutation RefreshSession($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken } }`;

// A refresh token is good once: the fetches and the live socket share one refresh at a time.
let refreshing: Promise<void> | null = null;

/** Exchanges the refresh token for new tokens, or ends the session when that is refused. */
export function refreshSession(): Promise<void> {
  refreshing ??= (async () => {
    const refreshToken = getSession()?.refreshToken;
    if (!refreshToken) return setSession(null);
    try {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH, variables: { refreshToken } }),
      });
      const body = (await res.json()) as { data?: { refreshSession: { accessToken: string | null; refreshToken: string | null } } | null };
      const next = body.data?.refreshSession;
      setSession(next?.accessToken ? { accessToken: next.accessToken, refreshToken: next.refreshToken } : null);
    } catch {
      // Offline for a moment: keep the session and try again with the next request.
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** True when the access token is missing or about to expire and a refresh token can renew it. */
function needsRefresh(): boolean {
  const session = getSession();
  if (!session?.refreshToken) return false;
  const left = session.accessToken ? secondsLeft(session.accessToken) : -1;
  return left !== null && left < 15;
}

function wsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

// One socket for live notifications; it re-authenticates with the current token when it reconnects.
const ws = createWsClient({
  url: wsUrl(),
  lazy: true,
  retryAttempts: Infinity,
  // Also after the server refused an expired token: the next attempt brings a fresh one.
  shouldRetry: () => getSession() !== null,
  connectionParams: async () => {
    if (needsRefresh()) await refreshSession();
    const token = getSession()?.accessToken;
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

export function closeLiveConnection(): void {
  ws.terminate();
}

// A query asked for before its screen asks (the inbox's first page at sign-in) answers that screen once.
// Dropped when the session ends (sign-out, a refused refresh): the next person in this tab signs in after that, so
// never gets the previous one's answer. A refreshed token is the same person and keeps it.
const primed = primedAnswers();
onSessionChange(() => {
  if (!getSession()) primed.clear();
});

export const client = new Client({
  url: '/graphql',
  // Accept-Language makes the API's own texts (errors, timeline) follow the console's language.
  fetchOptions: () => ({ headers: { 'accept-language': currentLang() } }),
  exchanges: [
    primed.exchange,
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const token = getSession()?.accessToken;
        return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
      },
      willAuthError: needsRefresh,
      didAuthError: (error) => expired(error),
      refreshAuth: refreshSession,
    })),
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

/** Asks for a query now, for the screen that will ask for the same document and variables soon. */
export function primeQuery<Data, Variables extends AnyVariables>(query: DocumentInput<Data, Variables>, variables: Variables): void {
  primed.prime(client, query, variables);
}

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
