import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@gesit/platform';
import { AssignmentStatus, DispositionInstruction } from './disposition.enums';

@ObjectType('Disposition')
export class DispositionType {
  @Field(() => ID)
  id: string;

  letterId: string;
  senderId: string;
  actingForId: string | null;
  parentAssignmentId: string | null;

  @Field(() => [DispositionInstruction])
  instructions: DispositionInstruction[];

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  dueAt: Date;

  @Field({ description: "The sender's assignment completes by itself once every assignment of this disposition is completed." })
  closeWhenDone: boolean;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the sender withdrew it before anyone read it.' })
  withdrawnAt: Date | null;
}

@ObjectType('DispositionAssignment')
export class DispositionAssignmentType {
  @Field(() => ID)
  id: string;

  dispositionId: string;
  letterId: string;
  assigneeId: string;
  dueSoonAt: Date | null;
  createdAt: Date;

  @Field(() => AssignmentStatus)
  status: AssignmentStatus;

  @Field()
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => String, { nullable: true })
  completionNote: string | null;
}

export const DispositionAssignmentConnection = Connection(DispositionAssignmentType, 'DispositionAssignment');
