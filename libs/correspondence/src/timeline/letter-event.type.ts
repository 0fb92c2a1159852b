import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LetterEvent')
export class LetterEventType {
  @Field()
  at: Date;

  actorId: string | null;
  actingForId: string | null;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  letterId: string;
  details: Record<string, unknown> | null;
}
