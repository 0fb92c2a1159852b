import { Field, ID, InputType } from '@nestjs/graphql';
import { ApprovalDecision } from './approval.enums';

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
