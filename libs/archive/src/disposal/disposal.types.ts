import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DisposalKind, DisposalStatus } from '../archive.enums';

@ObjectType('DisposalProposal', {
  description: 'A disposal procedure: proposal, appraisal, decision, execution (Perka ANRI 25/2012, 37/2016).',
})
export class DisposalProposalType {
  @Field(() => ID)
  id: string;

  @Field(() => DisposalKind)
  kind: DisposalKind;

  @Field(() => DisposalStatus)
  status: DisposalStatus;

  @Field()
  proposedAt: Date;

  @Field(() => String, { nullable: true })
  appraisalNote: string | null;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true })
  executedAt: Date | null;

  proposedById: string;
  committeeIds: string[];
  decidedById: string | null;
  listFileId: string | null;
  minutesFileId: string | null;
  packageFileId: string | null;
  approvalLetterFileId: string | null;
}

@InputType()
export class ProposeDisposalInput {
  @Field(() => DisposalKind)
  kind: DisposalKind;

  @Field(() => [ID])
  dossierIds: string[];

  @Field(() => [ID], { description: 'The appraisal committee (panitia penilai).' })
  committeeIds: string[];
}
