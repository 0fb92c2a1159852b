import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VerificationResult {
  GENUINE = 'GENUINE',
  ALTERED = 'ALTERED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(VerificationResult, {
  name: 'VerificationResult',
  description:
    'GENUINE: the very file Gesit signed. ALTERED: it carries the code of a letter Gesit signed but its bytes differ. UNKNOWN: not a letter Gesit signed.',
});

@ObjectType('DocumentVerification')
export class DocumentVerificationType {
  @Field({ description: 'True only for GENUINE.' })
  valid: boolean;

  @Field(() => VerificationResult)
  result: VerificationResult;

  @Field(() => String, { nullable: true, description: 'The institution that signed it (name of the top unit).' })
  issuer: string | null;

  @Field(() => String, { nullable: true, description: 'For ALTERED: the number of the letter the file claims to be.' })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'Null when the letter is classified above PUBLIC.' })
  subject: string | null;

  @Field(() => Date, { nullable: true })
  signedAt: Date | null;

  @Field(() => String, { nullable: true })
  signerName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The position lines as printed, one per line (a.n. … then the signer’s own position).',
  })
  signerPosition: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file Gesit signed.' })
  sha256: string | null;
}

export const NOT_GENUINE: DocumentVerificationType = {
  valid: false,
  result: VerificationResult.UNKNOWN,
  issuer: null,
  number: null,
  subject: null,
  signedAt: null,
  signerName: null,
  signerPosition: null,
  sha256: null,
};
