import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { LetterEntity, LetterType } from '@gesit/correspondence';
import { CurrentUser, Principal } from '@gesit/platform';
import { DraftsService } from './drafts.service';
import { CreateOutgoingDraftInput, ReviseDraftInput, SubmitForApprovalInput } from './outgoing-draft.inputs';

/** The drafter's mutations: write the konsep, revise it, send it into its approval chain. */
@Resolver(() => LetterType)
export class DraftsResolver {
  constructor(private readonly drafts: DraftsService) {}

  @Mutation(() => LetterType)
  createOutgoingDraft(@Args('input') input: CreateOutgoingDraftInput, @CurrentUser() principal: Principal): Promise<LetterEntity> {
    return this.drafts.create(principal, input);
  }

  @Mutation(() => LetterType)
  reviseDraft(@Args('input') input: ReviseDraftInput, @CurrentUser() principal: Principal): Promise<LetterEntity> {
    return this.drafts.revise(principal, input);
  }

  @Mutation(() => LetterType)
  submitForApproval(@Args('input') input: SubmitForApprovalInput, @CurrentUser() principal: Principal): Promise<LetterEntity> {
    return this.drafts.submit(principal, input);
  }
}
