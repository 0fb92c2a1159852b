import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreatePositionInput {
  @Field()
  title: string;

  @Field(() => ID)
  unitId: string;

  @Field(() => ID, { nullable: true, description: 'The position this one reports to, in the same unit or a unit above it.' })
  superiorId?: string | null;
}
