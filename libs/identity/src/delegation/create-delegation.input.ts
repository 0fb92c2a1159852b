import { Field, ID, InputType } from '@nestjs/graphql';
import { DelegationKind } from './delegation-kind';

@InputType()
export class CreateDelegationInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the caller; only an ADMIN may delegate for someone else.' })
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
