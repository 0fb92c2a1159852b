import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from './role';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  nip: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  mfaEnabled: boolean;

  positionId: string | null;
}
