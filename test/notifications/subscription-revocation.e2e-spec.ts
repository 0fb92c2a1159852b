import { NOTIFICATION_EMITTER, type NotificationEmitter } from '@gesit/notifications';
import { notificationTopic } from '@gesit/notifications/testing';
import { EXPIRED_CLOSE, REVOKED_CLOSE } from '@gesit/platform';
import { signAccessToken, signingKey } from '@gesit/identity/testing';
import { startTestApi, TestApi } from '../harness/app';
import { createSignedInTestUser } from '../harness/identity';
import { type NotificationSubscriber, subscribeToNotifications } from '../harness/live';
import { sleep, until } from '../harness/wait';

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { sub: string; sid: string; roles: string[] };

/** Two API processes on one database and Redis, as in a scaled-out deployment. */
describe('subscriptions end with the session and the token', () => {
  let api1: TestApi;
  let api2: TestApi;
  let counter = 0;

  beforeAll(async () => {
    [api1, api2] = await Promise.all([startTestApi(), startTestApi()]);
  });

  afterAll(async () => {
    await api1.close();
    await api2.close();
  });

  const signedIn = () => createSignedInTestUser(api1, { name: 'Ani Pelanggan', roles: ['STAFF'] });

  const subscribe = (api: TestApi, token: string) => subscribeToNotifications<{ title: string }>(api.url, token, 'id title');
  const titles = (subscriber: NotificationSubscriber<{ title: string }>) => subscriber.received.map((n) => n.title);

  /** What the worker's live channel does: publish on the user's topic through Redis. */
  function push(api: TestApi, userId: string, title: string): Promise<void> {
    counter++;
    const emitter = api.app.get<NotificationEmitter>(NOTIFICATION_EMITTER);
    const payload = {
      id: `n${counter}`,
      kind: 'REMINDER',
      title,
      body: null,
      entityType: null,
      entityId: null,
      createdAt: new Date().toISOString(),
      readAt: null,
    };
    return new Promise((resolve, reject) =>
      emitter.emit({ topic: notificationTopic(api.config.queuePrefix, userId), payload }, (e) => (e ? reject(e) : resolve())),
    );
  }

  /** Live once a pushed notification arrives. */
  async function live(api: TestApi, userId: string, subscriber: NotificationSubscriber<{ title: string }>): Promise<void> {
    await until('the subscription to be live', async () => {
      if (titles(subscriber).includes('siap')) return true;
      await push(api, userId, 'siap');
      await sleep(100);
      return undefined;
    });
  }

  it('closes a subscription on another API process when the session is signed out through this one, and refuses the token there', async () => {
    const user = await signedIn();
    const subscriber = subscribe(api1, user.token);
    await live(api1, user.id, subscriber);

    expect((await api2.gqlOk('mutation { logout }', undefined, user.token)).logout).toBe(true);
    expect(await until('the socket on API 1 to close', () => subscriber.closeCode)).toBe(REVOKED_CLOSE.code);
    await push(api1, user.id, 'Surat perihal rahasia');
    await sleep(300);
    expect(titles(subscriber)).not.toContain('Surat perihal rahasia');

    // Reconnecting to API 1 with the same token is refused, though API 1 had it cached as active.
    const again = subscribe(api1, user.token);
    await until('the second connection to be refused', () => again.closeCode ?? (again.errors.length ? -1 : undefined));
    expect(again.acknowledged).toBe(false);
    await again.dispose();
  });

  it('closes a subscription of the same process when its session is signed out', async () => {
    const user = await signedIn();
    const subscriber = subscribe(api1, user.token);
    await live(api1, user.id, subscriber);
    await api1.gqlOk('mutation { logout }', undefined, user.token);
    expect(await until('the socket to close', () => subscriber.closeCode)).toBe(REVOKED_CLOSE.code);
  });

  it('closes a subscription when its access token expires', async () => {
    const user = await signedIn();
    const claims = claimsOf(user.token);
    const shortLived = await signAccessToken(
      signingKey(api1.config.jwtSecret),
      { userId: claims.sub, roles: claims.roles, scope: 'full', sessionId: claims.sid },
      5,
    );
    const subscriber = subscribe(api1, shortLived);
    await live(api1, user.id, subscriber);
    expect(await until('the socket to close at expiry', () => subscriber.closeCode, 10_000)).toBe(EXPIRED_CLOSE.code);
    // The session itself is still good: a new connection with the long-lived token works.
    const renewed = subscribe(api1, user.token);
    await live(api1, user.id, renewed);
    await renewed.dispose();
  });
});
