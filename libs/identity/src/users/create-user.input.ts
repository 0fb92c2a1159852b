import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from './role';

@InputType()
export class CreateUserInput {
  @Field({ description: '18 digits; spaces as printed on the SK are fine.' })
  nip: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true, description: 'Pangkat/golongan, e.g. Pembina Utama Muda (IV/c).' })
  rank?: string | null;

  @Field({ description: 'At least 12 characters; not the NIP or the e-mail address.' })
  password: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => ID, { nullable: true, description: 'A position nobody holds yet.' })
  positionId?: string | null;
}
