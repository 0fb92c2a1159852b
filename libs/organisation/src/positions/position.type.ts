import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Position')
export class PositionType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  unitId: string;

  superiorId: string | null;
}
