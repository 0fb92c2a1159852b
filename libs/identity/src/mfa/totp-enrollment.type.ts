import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TotpEnrollment')
export class TotpEnrollmentType {
  @Field({ description: 'Base32; type it into the authenticator app if the QR code cannot be scanned.' })
  secret: string;

  @Field()
  otpauthUrl: string;
}

@ObjectType('TotpConfirmation')
export class TotpConfirmationType {
  @Field(() => [String], { description: 'Ten one-time codes: shown once, keep them somewhere safe.' })
  recoveryCodes: string[];
}
