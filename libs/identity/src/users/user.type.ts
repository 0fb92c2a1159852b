import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from './role';
import { UserLanguage } from './user-language';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  nip: string;

  @Field()
  name: string;

  @Field({
    description: 'Shown in full to the person, their unit, the leaders above them and administrators; masked (b***@domain) to others.',
  })
  email: string;

  @Field(() => String, {
    nullable: true,
    description: 'Mobile number in international form (6281234567890), for WhatsApp notifications; visible like the e-mail, else null.',
  })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Pangkat/golongan, e.g. Pembina Utama Muda (IV/c).' })
  rank: string | null;

  @Field(() => UserLanguage, {
    description: 'The language of the e-mail and WhatsApp notices this person receives (setMyLanguage); in-app texts follow each request.',
  })
  language: UserLanguage;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  mfaEnabled: boolean;

  positionId: string | null;
}
