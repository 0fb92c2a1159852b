import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { LetterAccessService, LetterEntity, LetterLoaders, LetterType } from '@gesit/correspondence';
import { FilesService, StoredFileEntity, StoredFileType } from '@gesit/files';
import { AccessPolicyService, UserEntity, UsersService, UserType } from '@gesit/identity';
import { PositionEntity } from '@gesit/organisation';
import { GraphqlContext, Principal } from '@gesit/platform';
import { ApprovalLoaders } from './approval-loaders.service';
import { ApprovalStepKind } from './chain/approval.enums';
import { ApprovalStepEntity } from './chain/approval-step.entity';
import { ApprovalStepType } from './chain/approval-step.type';
import { LetterComposerService, type PrintedSigner } from './composition/letter-composer.service';
import { LetterContentEntity } from './composition/letter-content.entity';
import { LetterContentType, LetterTemplateType } from './composition/letter-composition.types';
import { LetterTemplateEntity } from './composition/letter-template.entity';
import { OutgoingLetterEntity } from './outgoing/outgoing-letter.entity';
import { ApprovalSheetEntity } from './signing/approval-sheet.entity';
import { positionLines } from './signing/signing-line';

/** The outgoing-letter fields of Letter (flow 2); whoever reads the letter reads these. */
@Resolver(() => LetterType)
export class OutgoingLetterFieldsResolver {
  constructor(
    private readonly loaders: ApprovalLoaders,
    private readonly letterLoaders: LetterLoaders,
    private readonly users: UsersService,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
    private readonly dataSource: DataSource,
    private readonly composer: LetterComposerService,
    private readonly files: FilesService,
  ) {}

  @ResolveField(() => LetterContentType, {
    nullable: true,
    description: 'What a composed letter says (current revision); null for an uploaded draft.',
  })
  async content(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<LetterContentEntity | null> {
    const outgoing = await this.loaders.outgoing(ctx.loaders, letter.id);
    if (!outgoing) return null;
    return this.dataSource.getRepository(LetterContentEntity).findOneBy({ letterId: letter.id, revision: outgoing.revision });
  }

  @ResolveField(() => LetterTemplateType, { nullable: true })
  async template(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<LetterTemplateEntity | null> {
    const content = await this.content(letter, ctx);
    return content ? this.dataSource.getRepository(LetterTemplateEntity).findOneBy({ id: content.templateId }) : null;
  }

  @ResolveField(() => StoredFileType, {
    nullable: true,
    description: 'The letter as it will look, without number and signature; rendered on request. An uploaded draft is its own preview.',
  })
  async previewFile(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> {
    const outgoing = await this.loaders.outgoing(ctx.loaders, letter.id);
    if (!outgoing) return null;
    if (outgoing.draftFileId) return this.loaders.file(ctx.loaders).load(outgoing.draftFileId);
    return this.composer.preview({ letter, outgoing }, await this.previewSigner(outgoing));
  }

  @ResolveField(() => StoredFileType, {
    nullable: true,
    description: 'The signed approval sheet (paraf, decisions, the draft hash): for the drafter and approvers, never sent to recipients.',
  })
  async approvalSheetFile(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> {
    const sheet = await this.dataSource.getRepository(ApprovalSheetEntity).findOneBy({ letterId: letter.id });
    if (!sheet) return null;
    return this.files.findReadable(ctx.req.principal as Principal, sheet.fileId).catch(() => null);
  }

  /** The signer chosen at submission, as the preview prints them; null before the draft is submitted. */
  private async previewSigner(outgoing: OutgoingLetterEntity): Promise<PrintedSigner | null> {
    const step = await this.dataSource
      .getRepository(ApprovalStepEntity)
      .findOneBy({ letterId: outgoing.letterId, revision: outgoing.revision, kind: ApprovalStepKind.SIGN });
    if (!step) return null;
    const ids = [step.approverId, ...(outgoing.onBehalfOfId ? [outgoing.onBehalfOfId] : [])];
    const users = new Map((await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) })).map((u) => [u.id, u]));
    const positionIds = [...users.values()].map((u) => u.positionId).filter((id): id is string => Boolean(id));
    const titles = new Map(
      (await this.dataSource.getRepository(PositionEntity).findBy({ id: In(positionIds) })).map((p) => [p.id, p.title]),
    );
    const titleOf = (id: string) => titles.get(users.get(id)?.positionId ?? '') ?? '';
    const signer = users.get(step.approverId);
    if (!signer) return null;
    return {
      positionLines: positionLines(null, null, outgoing.onBehalfOfId ? titleOf(outgoing.onBehalfOfId) : null, titleOf(signer.id)),
      name: signer.name,
      rank: signer.rank,
      nip: signer.nip,
    };
  }

  @ResolveField(() => Int)
  async revision(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<number> {
    // An incoming letter has the one version it arrived in.
    return (await this.loaders.outgoing(ctx.loaders, letter.id))?.revision ?? 1;
  }

  @ResolveField(() => StoredFileType, { nullable: true })
  async draftFile(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> {
    const outgoing = await this.loaders.outgoing(ctx.loaders, letter.id);
    return outgoing?.draftFileId ? this.loaders.file(ctx.loaders).load(outgoing.draftFileId) : null;
  }

  @ResolveField(() => [ApprovalStepType], { description: 'Every step of every revision, oldest revision first.' })
  approvalSteps(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<ApprovalStepEntity[]> {
    return this.loaders.stepsOfLetter(ctx.loaders).load(letter.id);
  }

  @ResolveField(() => StoredFileType, {
    nullable: true,
    description: 'The stamped, digitally signed PDF; set once the SIGN step is approved.',
  })
  async signedFile(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> {
    const outgoing = await this.loaders.outgoing(ctx.loaders, letter.id);
    return outgoing?.signedFileId ? this.loaders.file(ctx.loaders).load(outgoing.signedFileId) : null;
  }

  @ResolveField(() => Date, { nullable: true })
  async signedAt(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<Date | null> {
    return (await this.loaders.outgoing(ctx.loaders, letter.id))?.signedAt ?? null;
  }

  @ResolveField(() => String, { nullable: true })
  async verificationCode(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<string | null> {
    return (await this.loaders.outgoing(ctx.loaders, letter.id))?.verificationCode ?? null;
  }

  @ResolveField(() => [UserType])
  async internalRecipients(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const recipients = await this.letterLoaders.recipients(ctx.loaders).load(letter.id);
    const users = await this.users.byId(ctx.loaders).loadMany(recipients.map((r) => r.userId));
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }

  @ResolveField(() => [String])
  async externalRecipients(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<string[]> {
    return (await this.loaders.outgoing(ctx.loaders, letter.id))?.externalRecipients ?? [];
  }

  @ResolveField(() => LetterType, {
    nullable: true,
    description: 'The incoming letter this answers; null when the caller may not read it.',
  })
  async replyTo(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<LetterEntity | null> {
    const replyToLetterId = (await this.loaders.outgoing(ctx.loaders, letter.id))?.replyToLetterId;
    if (!replyToLetterId) return null;
    const viewers = await this.policy.viewerIds(ctx.req.principal as Principal, ctx.loaders);
    if (!(await this.access.canRead(viewers, replyToLetterId))) return null;
    return this.letterLoaders.letter(ctx.loaders).load(replyToLetterId);
  }
}
