import { Field, ObjectType } from '@nestjs/graphql';
import { KINDS_DESCRIPTION, NotificationChannelKind } from './notification-kinds';

@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field({
    description: `A notification kind, e.g. disposition.received, approval.waiting, letter.signed. The kinds: ${KINDS_DESCRIPTION}.`,
  })
  kind: string;

  @Field({ description: 'What the kind tells, in Indonesian.' })
  meaning: string;

  @Field(() => [NotificationChannelKind])
  channels: NotificationChannelKind[];

  @Field({ description: 'Work the person must do: IN_APP stays on whatever is chosen, so settings pages show it locked.' })
  alwaysInApp: boolean;
}
