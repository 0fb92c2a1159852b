import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws subscriber to the caller's notifications, and what happened to it so far. */
export interface NotificationSubscriber<T> {
  /** The notifications pushed to it, oldest first. */
  received: T[];
  errors: unknown[];
  /** Whether the server accepted the connection. */
  acknowledged: boolean;
  /** The close code of the socket, once it closed. */
  closeCode: number | undefined;
  dispose(): Promise<void>;
}

/**
 * Connects to the API at `url` as the holder of `token` and subscribes to notificationAdded { `fields` }; `headers`
 * go on the WebSocket upgrade request, as a browser sends its Accept-Language.
 */
export function subscribeToNotifications<T = Record<string, any>>(
  url: string,
  token: string,
  fields: string,
  headers: Record<string, string> = {},
): NotificationSubscriber<T> {
  const subscriber: NotificationSubscriber<T> = {
    received: [],
    errors: [],
    acknowledged: false,
    closeCode: undefined,
    dispose: async () => client.dispose(),
  };
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: (error) => subscriber.errors.push(error),
    on: {
      connected: () => (subscriber.acknowledged = true),
      closed: (event) => (subscriber.closeCode = (event as { code: number }).code),
    },
  });
  client.subscribe(
    { query: `subscription { notificationAdded { ${fields} } }` },
    {
      next: (message) => subscriber.received.push((message.data as { notificationAdded: T }).notificationAdded),
      error: (e) => subscriber.errors.push(e),
      complete: () => undefined,
    },
  );
  return subscriber;
}
