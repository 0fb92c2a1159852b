import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CompleteAssignmentInput {
  @Field(() => ID)
  assignmentId: string;

  @Field()
  note: string;

  @Field(() => [ID], { nullable: true })
  fileIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Complete even though dispositions forwarded from this assignment are still open.' })
  evenIfForwardedOpen?: boolean | null;
}
