import type { CalendarService } from '@gesit/calendar';
import type { PeopleDirectory } from '@gesit/identity';
import type { DeliveryLedger } from './delivery-ledger';
import { NotificationDeliveryService } from './notification-delivery.service';
import type { NotificationChannel, Recipient } from './notification-channel.port';
import { NotificationEntity } from './notification.entity';
import type { NotificationsService } from './notifications.service';
import { NotificationChannelKind } from './preferences/notification-kinds';

describe('delivering notifications in the process that stored them', () => {
  const recipient: Recipient = { id: 'u1', name: 'Ani Pelaksana', email: 'ani@example.go.id', phone: null, language: 'id' };
  const { IN_APP, EMAIL } = NotificationChannelKind;

  /** `chosen`: the channels each notification's person chose for it (in-app only when not given). */
  function setUp({ failing = [], chosen = {} }: { failing?: string[]; chosen?: Record<string, NotificationChannelKind[]> }) {
    const sent: string[] = [];
    const queued: string[][] = [];
    const channel = (name: string, kind: NotificationChannelKind): NotificationChannel => ({
      name,
      kind,
      deliver: async (notification) => {
        if (failing.includes(notification.id)) throw new Error('Redis is not answering');
        sent.push(`${name} ${notification.id}`);
      },
    });
    const notifications = {
      forDelivery: async (id: string) => ({
        notification: Object.assign(new NotificationEntity(), {
          id,
          userId: 'u1',
          kind: 'assignment.due-soon',
          title: 'Disposisi hampir jatuh tempo',
        }),
        recipient,
        channels: chosen[id] ?? [IN_APP],
      }),
      queueDeliveries: async (ids: string[]) => void queued.push([...ids].sort()),
    } as unknown as NotificationsService;
    const ledger = {
      once: async (_id: string, _channel: string, send: () => Promise<void>) => (await send(), true),
    } as unknown as DeliveryLedger;
    const service = new NotificationDeliveryService(
      notifications,
      ledger,
      [channel('live', IN_APP), channel('email', EMAIL)],
      {} as PeopleDirectory,
      {} as CalendarService,
    );
    return { service, sent, queued };
  }

  it('pushes each one live at once and queues nothing when every push goes out', async () => {
    const { service, sent, queued } = setUp({});
    await service.deliverNow(['n1', 'n2', 'n3']);
    expect(sent.sort()).toEqual(['live n1', 'live n2', 'live n3']);
    expect(queued).toEqual([]);
  });

  it('queues, in one go, a delivery job for each one whose push failed, so that it is retried', async () => {
    const { service, sent, queued } = setUp({ failing: ['n2', 'n3'] });
    await service.deliverNow(['n1', 'n2', 'n3']);
    expect(sent).toEqual(['live n1']);
    expect(queued).toEqual([['n2', 'n3']]);
  });

  it('leaves e-mail to a queued job, so that a slow mail server does not hold back the reminders', async () => {
    const { service, sent, queued } = setUp({ chosen: { n1: [IN_APP, EMAIL], n2: [EMAIL], n3: [IN_APP] } });
    await service.deliverNow(['n1', 'n2', 'n3']);
    expect(sent.sort()).toEqual(['live n1', 'live n3']);
    expect(queued).toEqual([['n1', 'n2']]);
  });
});
