import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Urgency } from '@gesit/calendar';
import { Connection, LocalDateScalar } from '@gesit/platform';
import { LetterDirection, LetterKind, LetterStatus, SecurityLevel } from './letter.enums';

@ObjectType('Letter')
export class LetterType {
  @Field(() => ID)
  id: string;

  @Field(() => LetterDirection)
  direction: LetterDirection;

  @Field(() => LetterKind)
  kind: LetterKind;

  @Field(() => LetterStatus)
  status: LetterStatus;

  @Field(() => String, { nullable: true })
  number: string | null;

  @Field(() => String, { nullable: true })
  agendaNumber: string | null;

  @Field()
  subject: string;

  @Field(() => LocalDateScalar, { nullable: true })
  letterDate: string | null;

  @Field(() => String, { nullable: true })
  senderName: string | null;

  @Field()
  classificationCode: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  createdById: string;
  unitId: string;
  createdAt: Date;
}

export const LetterConnection = Connection(LetterType, 'Letter');

@InputType()
export class LetterFilter {
  @Field(() => LetterDirection, { nullable: true })
  direction?: LetterDirection | null;

  @Field(() => [LetterStatus], { nullable: true })
  status?: LetterStatus[] | null;

  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => Date, { nullable: true })
  receivedFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  receivedTo?: Date | null;
}
