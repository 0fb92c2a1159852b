import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DelegationKind } from './delegation-kind';

@ObjectType('Delegation')
export class DelegationType {
  @Field(() => ID)
  id: string;

  @Field(() => DelegationKind)
  kind: DelegationKind;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  fromUserId: string;

  toUserId: string;
}
