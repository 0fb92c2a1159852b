import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../users/role';

@InputType()
export class PeopleFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Name, NIP, e-mail or position title; a few letters are enough, word order and case do not matter.',
  })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeSubUnits?: boolean | null;

  @Field(() => [Role], { nullable: true })
  roles?: Role[] | null;
}
