import { Field, ID, InputType } from '@nestjs/graphql';
import { ApprovalDecision } from './approval.enums';

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

@InputType()
export class DecideApprovalInput {
  @Field(() => ID)
  stepId: string;

  @Field(() => ApprovalDecision)
  decision: ApprovalDecision;

  @Field(() => String, { nullable: true, description: 'Required for RETURN and REJECT.' })
  comment?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "With SIGNER=bsre, the signer's NIK as registered with BSrE (for the SIGN step). Never stored.",
  })
  nik?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "With SIGNER=bsre, the signer's BSrE passphrase (or TOTP code) for the SIGN step. Never stored, logged or queued.",
  })
  passphrase?: string | null;
}
