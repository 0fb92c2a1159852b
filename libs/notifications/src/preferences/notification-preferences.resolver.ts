import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type Principal } from '@gesit/platform';
import { NotificationChannelKind } from './notification-kinds';
import { NotificationPreferenceType } from './notification-preference.type';
import { NotificationPreferencesService } from './notification-preferences.service';

@Resolver(() => NotificationPreferenceType)
export class NotificationPreferencesResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Query(() => [NotificationPreferenceType], { description: 'Every notification kind with the channels the caller receives it on.' })
  notificationPreferences(@CurrentUser() principal: Principal): Promise<NotificationPreferenceType[]> {
    return this.preferences.list(principal.userId);
  }

  @Mutation(() => NotificationPreferenceType, {
    description:
      'Chooses the channels of one notification kind for the caller. IN_APP stays on for work that must be done; WHATSAPP needs a phone number (setMyPhone).',
  })
  setNotificationPreference(
    @CurrentUser() principal: Principal,
    @Args('kind') kind: string,
    @Args('channels', { type: () => [NotificationChannelKind] }) channels: NotificationChannelKind[],
  ): Promise<NotificationPreferenceType> {
    return this.preferences.set(principal.userId, kind, channels);
  }
}
