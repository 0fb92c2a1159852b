import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@gesit/platform';
import { ApprovalStepKind, ApprovalStepStatus } from './approval.enums';

@ObjectType('ApprovalStep')
export class ApprovalStepType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  order: number;

  @Field(() => ApprovalStepKind)
  kind: ApprovalStepKind;

  @Field(() => Int)
  revision: number;

  @Field(() => ApprovalStepStatus)
  status: ApprovalStepStatus;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  letterId: string;
  approverId: string;
  decidedById: string | null;
  actingForId: string | null;
  dueSoonAt: Date | null;
}

export const ApprovalStepConnection = Connection(ApprovalStepType, 'ApprovalStep');
