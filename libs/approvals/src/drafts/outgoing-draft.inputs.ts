import { Field, ID, InputType } from '@nestjs/graphql';
import { Urgency } from '@gesit/calendar';
import { LetterKind, SecurityLevel } from '@gesit/correspondence';

@InputType()
export class CreateOutgoingDraftInput {
  @Field(() => LetterKind)
  kind: LetterKind;

  @Field()
  subject: string;

  @Field()
  classificationCode: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => ID, { description: 'The draft as PDF, uploaded with POST /files.' })
  draftFileId: string;

  @Field(() => [ID], { nullable: true })
  internalRecipientIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  externalRecipients?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The incoming letter this answers (for a PREPARE_REPLY disposition).' })
  replyToLetterId?: string | null;
}

@InputType()
export class ReviseDraftInput {
  @Field(() => ID)
  letterId: string;

  @Field(() => ID)
  draftFileId: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class SubmitForApprovalInput {
  @Field(() => ID)
  letterId: string;

  @Field(() => [ID], { description: 'Reviewers in order (paraf), lowest level first. May be empty.' })
  reviewerIds: string[];

  @Field(() => ID)
  signerId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An official above the signer in whose name the signer signs (atas nama): the letter reads "a.n. <their position>".',
  })
  onBehalfOfId?: string | null;
}
