import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('DocumentVerification')
export class DocumentVerificationType {
  @Field()
  valid: boolean;

  @Field(() => String, { nullable: true })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'Null when the letter is classified above PUBLIC.' })
  subject: string | null;

  @Field(() => Date, { nullable: true })
  signedAt: Date | null;

  @Field(() => String, { nullable: true })
  signerName: string | null;

  @Field(() => String, { nullable: true })
  signerPosition: string | null;

  @Field(() => String, { nullable: true })
  sha256: string | null;
}

export const NOT_GENUINE: DocumentVerificationType = {
  valid: false,
  number: null,
  subject: null,
  signedAt: null,
  signerName: null,
  signerPosition: null,
  sha256: null,
};
