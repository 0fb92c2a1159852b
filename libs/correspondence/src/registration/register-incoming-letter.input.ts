import { Field, ID, InputType } from '@nestjs/graphql';
import { Urgency } from '@gesit/calendar';
import { LocalDateScalar } from '@gesit/platform';
import { LetterKind, SecurityLevel } from '../letters/letter.enums';

@InputType()
export class RegisterIncomingLetterInput {
  @Field(() => LetterKind)
  kind: LetterKind;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  letterDate: string;

  @Field()
  subject: string;

  @Field()
  senderName: string;

  @Field()
  classificationCode: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => [ID])
  fileIds: string[];

  @Field(() => [ID], { description: 'The officials the letter is addressed to; each gets the first disposition assignment.' })
  addresseeIds: string[];

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  receivedAt?: Date | null;
}
