import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class LoginInput {
  @Field({ description: 'NIP or e-mail address.' })
  identifier: string;

  @Field()
  password: string;
}

@InputType()
export class VerifyMfaInput {
  @Field()
  challengeToken: string;

  @Field({ description: 'A 6-digit TOTP code or an unused recovery code.' })
  code: string;
}
