import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  badInput,
  decodeCursor,
  inTransaction,
  isUuid,
  JobBatcher,
  MICROSECOND_CURSOR,
  OUTBOX_CHANNEL,
  OutboxService,
  pageSize,
  toConnection,
  type ConnectionShape,
  type Language,
} from '@gesit/platform';
import { CLAIM_SECONDS } from './delivery-ledger';
import type { Recipient } from './notification-channel.port';
import {
  BULK_DELIVERY_PRIORITY,
  BULK_KINDS,
  deliveryPriority,
  effectiveChannels,
  type NotificationChannelKind,
} from './preferences/notification-kinds';
import { NotificationEntity } from './notification.entity';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const DELIVER_NOTIFICATION_JOB = 'notification.deliver';
export const SWEEP_DELIVERIES_JOB = 'notification.sweep';
const heldJobId = (id: string) => `notification-${id}-held`;

/** A delivery job: `held` ones are the e-mail and WhatsApp part of a notification kept for working hours. */
export interface DeliverNotificationJob {
  notificationId: string;
  held?: boolean;
}

/** The notifications queue's jobs: name → payload. */
export interface NotificationsJobs {
  [DELIVER_NOTIFICATION_JOB]: DeliverNotificationJob;
  /** Periodic: deliveries whose job was lost are asked for again. */
  [SWEEP_DELIVERIES_JOB]: Record<string, never>;
}

const MAX_MARK_READ = 500;
/** A held delivery still not run this long after its time is taken for lost. */
export const HELD_GRACE_SECONDS = 300;

export interface NotifyInput {
  userId: string;
  /** What happened, e.g. REMINDER, OVERDUE, ESCALATION. */
  kind: string;
  /** In Indonesian: what it is about and what to do. */
  title: string;
  body?: string | null;
  /** The English twins of title and body, shown to a client that asks for English (Indonesian when absent). */
  titleEn?: string | null;
  bodyEn?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** What the notification is about, e.g. `assignment-<id>-overdue-<due>`: the same key notifies once. */
  dedupeKey?: string | null;
}

/** A (created_at, id) cursor SQL will accept: a forged one is the client's mistake, not a server error. */
const isKeyset = ([at, id]: (string | number)[]): boolean =>
  typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && isUuid(id);

type ListedNotification = NotificationEntity & { cursorAt: string };

/** A stored notification as its delivery reads it: with its recipient and the channels they chose for its kind. */
export type Delivery = { notification: NotificationEntity; recipient: Recipient; channels: NotificationChannelKind[] };

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Stores a notification and queues its delivery, in the caller's transaction. Returns its id, or null
   * when one with the same dedupe key exists already (a job that runs twice notifies once).
   */
  async notify(em: EntityManager, input: NotifyInput): Promise<string | null> {
    return (await this.notifyMany(em, [input]))[0];
  }

  /**
   * `notify` for many at once, in one statement: the notifications, the outbox rows of their deliveries (for those
   * stored, each in the lane of its kind) and the relay's wake-up; an id or null for each input, in order. `along`,
   * a write of the caller's (an INSERT or UPDATE without RETURNING, parameters $1..$n of its values), goes in the
   * same statement: a reminder marks its assignment in the same round trip. With `queue: false` no delivery is
   * queued: the caller, a worker, hands the stored ids to `NotificationDeliveryService.deliverNow` after the commit.
   */
  async notifyMany(
    em: EntityManager,
    inputs: NotifyInput[],
    along?: { sql: string; values: unknown[] },
    { queue = true }: { queue?: boolean } = {},
  ): Promise<(string | null)[]> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('NotificationsService.notifyMany must run inside a transaction');
    if (!inputs.length) {
      if (along) await em.query(along.sql, along.values);
      return [];
    }
    const ids = inputs.map(() => randomUUID());
    const values: unknown[] = [...(along?.values ?? [])];
    const param = (value: unknown) => `$${values.push(value)}`;
    const column = (type: string, pick: (input: NotifyInput, i: number) => unknown) => `${param(inputs.map(pick))}::${type}[]`;
    const rows = [
      column('uuid', (_, i) => ids[i]),
      column('uuid', (input) => input.userId),
      column('text', (input) => input.kind),
      column('text', (input) => input.title),
      column('text', (input) => input.body ?? null),
      column('text', (input) => input.entityType ?? null),
      column('text', (input) => input.entityId ?? null),
      column('text', (input) => input.dedupeKey ?? null),
      column('text', (input) => input.titleEn ?? null),
      column('text', (input) => input.bodyEn ?? null),
    ];
    const inserted = `n AS (INSERT INTO notification (id, user_id, kind, title, body, entity_type, entity_id, dedupe_key, title_en, body_en)
                  SELECT * FROM unnest(${rows.join(', ')})
                  ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, kind)`;
    const [{ stored }]: { stored: string[] }[] = await em.query(
      queue
        ? `WITH ${along ? `along AS (${along.sql}), ` : ''}${inserted}, ${this.queuedFrom('n', param)}
           SELECT array(SELECT id FROM n) AS stored, (SELECT pg_notify(${param(OUTBOX_CHANNEL)}, '') WHERE EXISTS (SELECT 1 FROM n)) AS woken`
        : `WITH ${along ? `along AS (${along.sql}), ` : ''}${inserted} SELECT array(SELECT id FROM n) AS stored`,
      values,
    );
    const storedIds = new Set(stored);
    return ids.map((id) => (storedIds.has(id) ? id : null));
  }

  /**
   * A CTE `o` that queues the deliveries of the notifications in `source` (`id`, `kind`) as OutboxService.add
   * would: under their job id, each in the lane of its kind. Made from the rows an INSERT stored, a dedupe-key
   * conflict queues nothing.
   */
  private queuedFrom(source: string, param: (value: unknown) => string): string {
    return `o AS (INSERT INTO outbox (id, queue, name, payload, job_id, priority)
                  SELECT gen_random_uuid(), ${param(NOTIFICATIONS_QUEUE)}, ${param(DELIVER_NOTIFICATION_JOB)},
                         jsonb_build_object('notificationId', n.id), 'notification-' || n.id || '-deliver',
                         CASE WHEN n.kind = ANY(${param(BULK_KINDS)}::text[]) THEN ${param(BULK_DELIVERY_PRIORITY)}::int END
                    FROM ${source} n RETURNING id)`;
  }

  /** Queues the delivery of stored notifications (one delivered in-process that failed), and wakes the relay. */
  async queueDeliveries(notificationIds: string[]): Promise<void> {
    const values: unknown[] = [notificationIds];
    const param = (value: unknown) => `$${values.push(value)}`;
    await this.dataSource.query(
      `WITH n AS (SELECT id, kind FROM notification WHERE id = ANY($1::uuid[])), ${this.queuedFrom('n', param)}
       SELECT pg_notify(${param(OUTBOX_CHANNEL)}, '')`,
      values,
    );
  }

  /**
   * Asks again, through the outbox, for the delivery of the past day's notifications that no channel has
   * touched or that a channel claimed and never finished (the process died while sending), and of held
   * e-mail/WhatsApp parts whose time came more than HELD_GRACE ago and that have not run: their job was lost
   * with Redis, or they were never queued (`deliverNow`). The job ids are the first ones, so a delivery still queued is not
   * doubled, and the ledger skips a channel that delivered; each in the lane of its kind. Returns how many it asked for.
   */
  async sweepUndelivered(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const values: unknown[] = [CLAIM_SECONDS];
      const param = (value: unknown) => `$${values.push(value)}`;
      const [{ lost }]: { lost: number }[] = await em.query(
        `WITH n AS (SELECT n.id, n.kind FROM notification n
                     WHERE n.created_at > now() - interval '1 day'
                       AND (NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d.notification_id = n.id)
                            OR EXISTS (SELECT 1 FROM notification_delivery d
                                        WHERE d.notification_id = n.id AND d.status = 'sending' AND d.claimed_at < now() - make_interval(secs => $1)))
                       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = 'notification-' || n.id || '-deliver' AND o.sent_at IS NULL)),
              ${this.queuedFrom('n', param)}
         SELECT count(*)::int AS lost FROM o`,
        values,
      );
      const held: unknown[] = await em.query(
        `INSERT INTO outbox (id, queue, name, payload, job_id, priority)
         SELECT gen_random_uuid(), $1, $2, jsonb_build_object('notificationId', n.id, 'held', true), 'notification-' || n.id || '-held',
                CASE WHEN n.kind = ANY($4::text[]) THEN $5::int END
           FROM notification n
          WHERE n.held_until IS NOT NULL AND n.held_until < now() - make_interval(secs => $3) AND n.held_until > now() - interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = 'notification-' || n.id || '-held' AND o.sent_at IS NULL)
         RETURNING id`,
        [NOTIFICATIONS_QUEUE, DELIVER_NOTIFICATION_JOB, HELD_GRACE_SECONDS, BULK_KINDS, BULK_DELIVERY_PRIORITY],
      );
      if (lost || held.length) await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      return lost + held.length;
    });
  }

  /** The user's notifications, newest first, keyset-paginated on (created_at, id), in `language` where a twin exists. */
  async list(
    userId: string,
    language: Language,
    unreadOnly: boolean | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<NotificationEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (cursor && !isKeyset(cursor))
      throw badInput({
        id: 'Kursor pada "after" bukan kursor dari server ini; mulai lagi tanpa kursor itu.',
        en: 'The cursor in "after" is not one this server gave out; start again without it.',
      });
    const where = ['user_id = $1', ...(unreadOnly ? ['read_at IS NULL'] : [])];
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM notification WHERE ${where.join(' AND ')}`, [
      userId,
    ]);
    const params: unknown[] = [userId];
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push('(created_at, id) < ($2::timestamptz, $3::uuid)');
    }
    params.push(size + 1);
    const [title, body] =
      language === 'en' ? ['coalesce(title_en, title)', 'CASE WHEN title_en IS NULL THEN body ELSE body_en END'] : ['title', 'body'];
    const rows: ListedNotification[] = await this.dataSource.query(
      `SELECT id, user_id AS "userId", kind, ${title} AS title, ${body} AS body, entity_type AS "entityType", entity_id AS "entityId",
              dedupe_key AS "dedupeKey", created_at AS "createdAt", read_at AS "readAt", ${MICROSECOND_CURSOR('created_at')} AS "cursorAt"
         FROM notification WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return toConnection(rows, size, count, (row) => [row.cursorAt, row.id]);
  }

  /** Marks the user's own unread notifications among `ids` read; returns how many changed. */
  async markRead(userId: string, ids: string[]): Promise<number> {
    if (ids.length > MAX_MARK_READ)
      throw badInput({
        id: `Tandai paling banyak ${MAX_MARK_READ} notifikasi sebagai dibaca sekaligus.`,
        en: `Mark at most ${MAX_MARK_READ} notifications read at once.`,
      });
    const malformed = ids.filter((id) => !isUuid(id));
    if (malformed.length)
      throw badInput(
        {
          id: `Ini bukan id notifikasi: ${malformed.slice(0, 5).join(', ')}.`,
          en: `These are not notification ids: ${malformed.slice(0, 5).join(', ')}.`,
        },
        { field: 'ids' },
      );
    if (!ids.length) return 0;
    const [, changed]: [unknown, number] = await this.dataSource.query(
      'UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL',
      [userId, [...new Set(ids)]],
    );
    return changed;
  }

  /** A notification its person chose not to see in the app (IN_APP off) stays in the list as history, read, not as news. */
  async markReadOnArrival(notificationId: string): Promise<void> {
    await this.dataSource.query('UPDATE notification SET read_at = created_at WHERE id = $1 AND read_at IS NULL', [notificationId]);
  }

  /**
   * Queues the e-mail and WhatsApp part of a notification for `at` (the start of the recipient's working day),
   * and remembers the hold, so that the sweep can ask again should the delayed job be lost with Redis.
   */
  async holdDelivery(notificationId: string, kind: string, at: Date): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      await em.query('UPDATE notification SET held_until = $2 WHERE id = $1', [notificationId, at]);
      await this.outbox.add(em, {
        queue: NOTIFICATIONS_QUEUE,
        name: DELIVER_NOTIFICATION_JOB,
        payload: { notificationId, held: true } satisfies DeliverNotificationJob,
        jobId: heldJobId(notificationId),
        runAt: at,
        priority: deliveryPriority(kind),
      });
    });
  }

  /** The held part has been delivered: nothing is left for the sweep. */
  async releaseHold(notificationId: string): Promise<void> {
    await this.dataSource.query('UPDATE notification SET held_until = NULL WHERE id = $1 AND held_until IS NOT NULL', [notificationId]);
  }

  private readonly deliveries = new JobBatcher((ids: string[]) => this.forDeliveryMany(ids), { maxBatch: 100, maxRunning: 2 });

  /** A notification and its recipient, as a delivery job re-reads them; null when either is gone. */
  forDelivery(id: string): Promise<Delivery | null> {
    return this.deliveries.add(id);
  }

  /** `forDelivery` for the jobs that arrived together, in one statement. */
  private async forDeliveryMany(ids: string[]): Promise<(Delivery | null)[]> {
    const rows: (NotificationEntity & {
      recipientName: string;
      recipientEmail: string;
      recipientPhone: string | null;
      recipientLanguage: Language;
      channels: string[] | null;
    })[] = await this.dataSource.query(
      `SELECT n.id, n.user_id AS "userId", n.kind, n.title, n.body, n.title_en AS "titleEn", n.body_en AS "bodyEn", n.entity_type AS "entityType", n.entity_id AS "entityId",
              n.dedupe_key AS "dedupeKey", n.created_at AS "createdAt", n.read_at AS "readAt",
              u.name AS "recipientName", u.email AS "recipientEmail", u.phone AS "recipientPhone", u.language AS "recipientLanguage", p.channels
         FROM notification n JOIN app_user u ON u.id = n.user_id
         LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
        WHERE n.id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(
      rows.map(({ recipientName, recipientEmail, recipientPhone, recipientLanguage, channels, ...notification }) => [
        notification.id,
        {
          notification: Object.assign(new NotificationEntity(), notification),
          recipient: {
            id: notification.userId,
            name: recipientName,
            email: recipientEmail,
            phone: recipientPhone,
            language: recipientLanguage,
          },
          channels: effectiveChannels(notification.kind, channels),
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }
}
