import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  /** Resolved to a User by the identity library. */
  actorId: string | null;

  actingForId: string | null;

  @Field()
  action: string;

  @Field()
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field()
  hash: string;

  @Field(() => String, { nullable: true })
  prevHash: string | null;
}

@ObjectType('AuditChainStatus')
export class AuditChainStatusType {
  @Field()
  valid: boolean;

  @Field(() => Int)
  checkedEvents: number;

  @Field(() => ID, { nullable: true })
  firstBrokenEventId: string | null;
}
