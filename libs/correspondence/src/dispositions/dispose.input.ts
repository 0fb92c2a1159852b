import { Field, ID, InputType } from '@nestjs/graphql';
import { DispositionInstruction } from './disposition.enums';

@InputType()
export class DisposeInput {
  @Field(() => ID)
  letterId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The caller's own assignment that this disposition forwards; null only for an addressee's first disposition.",
  })
  parentAssignmentId?: string | null;

  @Field(() => [ID])
  assigneeIds: string[];

  @Field(() => [DispositionInstruction])
  instructions: DispositionInstruction[];

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "Defaults from the SLA policy for the letter's urgency; never later than the parent assignment's dueAt.",
  })
  dueAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Complete your own assignment by itself once everyone you dispose to has completed theirs (default: you confirm it).',
  })
  closeWhenDone?: boolean | null;
}
