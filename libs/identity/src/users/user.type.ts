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

  @Field(() => String, { nullable: true, description: 'Pangkat/golongan, e.g. Pembina Utama Muda (IV/c).' })
  rank: string | null;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  mfaEnabled: boolean;

  positionId: string | null;
}
