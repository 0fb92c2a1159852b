import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@gesit/platform';
import { KINDS_DESCRIPTION } from './preferences/notification-kinds';

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field({ description: `What happened: ${KINDS_DESCRIPTION}.` })
  kind: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  body: string | null;

  @Field(() => String, { nullable: true, description: 'What the notification is about, e.g. DispositionAssignment.' })
  entityType: string | null;

  @Field(() => ID, { nullable: true })
  entityId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

export const NotificationConnection = Connection(NotificationType, 'Notification');
