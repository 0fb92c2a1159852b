import { Args, Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import { AppConfig, CurrentUser, requestLanguage, type ConnectionShape, type GraphqlContext, type Principal } from '@gesit/platform';
import { fromMessage, notificationTopic, type NotificationMessage } from './live.channel';
import type { NotificationEntity } from './notification.entity';
import { NotificationConnection, NotificationType } from './notification.type';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  @Query(() => NotificationConnection, {
    description:
      "The caller's notifications, newest first, in English when the request sends `Accept-Language: en` (Indonesian for " +
      'notices that have no English text). E-mail and WhatsApp copies are in the language the person chose (setMyLanguage; Indonesian unless set).',
  })
  notifications(
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ConnectionShape<NotificationEntity>> {
    return this.service.list(principal.userId, requestLanguage(ctx.req.headers), unreadOnly, first, after);
  }

  @Mutation(() => Int, { description: "Marks the caller's own unread notifications among `ids` read; returns how many changed." })
  markNotificationsRead(@CurrentUser() principal: Principal, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    return this.service.markRead(principal.userId, ids);
  }

  @Subscription(() => NotificationType, {
    description:
      'Each new notification of the caller, as it is created (graphql-ws; authenticate in connection_init), in English when the ' +
      'WebSocket upgrade request sends `Accept-Language: en`.',
    resolve: (message: NotificationMessage, _args: unknown, ctx: GraphqlContext) =>
      fromMessage(message, requestLanguage(ctx.req?.headers ?? {})),
  })
  notificationAdded(@CurrentUser() principal: Principal, @Context('pubsub') pubsub: PubSub) {
    return pubsub.subscribe(notificationTopic(this.config.queuePrefix, principal.userId));
  }
}
