import { Field, ObjectType } from '@nestjs/graphql';
import { UserType } from '../users/user.type';
import type { UserEntity } from '../users/user.entity';

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field(() => String, { nullable: true, description: 'Null while mfaRequired is true.' })
  accessToken: string | null;

  @Field(() => String, { nullable: true, description: 'Opaque, single use: refreshSession returns its successor.' })
  refreshToken: string | null;

  @Field()
  mfaRequired: boolean;

  @Field(() => String, { nullable: true, description: 'Short-lived token to pass to verifyMfa when mfaRequired is true.' })
  mfaChallengeToken: string | null;

  @Field(() => UserType, { nullable: true })
  user: UserEntity | null;

  @Field({
    description:
      "True when the account's role requires two-factor sign-in and it is not set up yet: the access token then only serves me, beginTotpEnrollment, confirmTotpEnrollment and logout.",
  })
  mfaEnrolmentRequired: boolean;
}
