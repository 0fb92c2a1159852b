import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LetterAccessService, LetterEntity, LetterLoaders, LetterType } from '@gesit/correspondence';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { AccessPolicyService, UserEntity, UsersService, UserType } from '@gesit/identity';
import { GraphqlContext, Principal } from '@gesit/platform';
import { ApprovalLoaders } from './approval-loaders.service';
import { ApprovalStepEntity } from './chain/approval-step.entity';
import { ApprovalStepType } from './chain/approval-step.type';

/** The outgoing-letter fields of Letter (flow 2); whoever reads the letter reads these. */
@Resolver(() => LetterType)
export class OutgoingLetterFieldsResolver {
  constructor(
    private readonly loaders: ApprovalLoaders,
    private readonly letterLoaders: LetterLoaders,
    private readonly users: UsersService,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
  ) {}

  @ResolveField(() => Int)
  revision(@Parent() letter: LetterEntity): number {
    return letter.revision;
  }

  @ResolveField(() => StoredFileType, { nullable: true })
  draftFile(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return letter.draftFileId ? this.loaders.file(ctx.loaders).load(letter.draftFileId) : null;
  }

  @ResolveField(() => [ApprovalStepType], { description: 'Every step of every revision, oldest revision first.' })
  approvalSteps(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<ApprovalStepEntity[]> {
    return this.loaders.stepsOfLetter(ctx.loaders).load(letter.id);
  }

  @ResolveField(() => StoredFileType, {
    nullable: true,
    description: 'The stamped, digitally signed PDF; set once the SIGN step is approved.',
  })
  signedFile(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return letter.signedFileId ? this.loaders.file(ctx.loaders).load(letter.signedFileId) : null;
  }

  @ResolveField(() => Date, { nullable: true })
  signedAt(@Parent() letter: LetterEntity): Date | null {
    return letter.signedAt;
  }

  @ResolveField(() => String, { nullable: true })
  verificationCode(@Parent() letter: LetterEntity): string | null {
    return letter.verificationCode;
  }

  @ResolveField(() => [UserType])
  async internalRecipients(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const users = await this.users.byId(ctx.loaders).loadMany(await this.loaders.recipientIds(ctx.loaders).load(letter.id));
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }

  @ResolveField(() => [String])
  externalRecipients(@Parent() letter: LetterEntity): string[] {
    return letter.externalRecipients ?? [];
  }

  @ResolveField(() => LetterType, {
    nullable: true,
    description: 'The incoming letter this answers; null when the caller may not read it.',
  })
  async replyTo(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<LetterEntity | null> {
    if (!letter.replyToLetterId) return null;
    const viewers = await this.policy.viewerIds(ctx.req.principal as Principal, ctx.loaders);
    if (!(await this.access.canRead(viewers, letter.replyToLetterId))) return null;
    return this.letterLoaders.letter(ctx.loaders).load(letter.replyToLetterId);
  }
}
