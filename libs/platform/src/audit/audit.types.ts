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

  @Field(() => ID, {
    nullable: true,
    description: 'The first event that does not match: changed itself, or the first after the last checkpoint that still matches.',
  })
  firstBrokenEventId: string | null;

  @Field(() => Int, { description: 'Signed checkpoints (kept outside the database) the chain matched.' })
  checkpointsChecked: number;

  @Field({ description: 'The newest events are gone: a checkpoint points past the end of the chain.' })
  truncated: boolean;

  @Field(() => String, { nullable: true, description: 'What is wrong, in Indonesian; null when intact.' })
  problem: string | null;
}

@ObjectType('AuditCheckpoint', {
  description: 'The head of the audit chain at one moment, signed and stored write-once outside the database.',
})
export class AuditCheckpointType {
  @Field(() => Int)
  seq: number;

  @Field(() => ID)
  lastEventId: string;

  @Field()
  headHash: string;

  @Field(() => Int)
  eventCount: number;

  @Field()
  at: string;
}
