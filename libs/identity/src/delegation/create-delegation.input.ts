import { Field, ID, InputType } from '@nestjs/graphql';
import { DelegationKind } from './delegation-kind';

@InputType()
export class CreateDelegationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The official; defaults to the caller. Someone else only for their superior (or an ADMIN, for a Plt where nobody above can).',
  })
  fromUserId?: string | null;

  @Field(() => ID)
  toUserId: string;

  @Field(() => DelegationKind)
  kind: DelegationKind;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
