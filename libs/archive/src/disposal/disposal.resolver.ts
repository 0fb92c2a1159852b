import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { DisposalKind, DisposalStatus } from '../archive.enums';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierConnection, DossierType } from '../dossiers/dossier.type';
import { ArchiveLoaders } from '../dossiers/archive-loaders.service';
import { DisposalProposalEntity } from './disposal-proposal.entity';
import { DisposalService } from './disposal.service';
import { DisposalProposalType, ProposeDisposalInput } from './disposal.types';

@Resolver(() => DisposalProposalType)
export class DisposalResolver {
  constructor(
    private readonly disposal: DisposalService,
    private readonly users: UsersService,
    private readonly loaders: ArchiveLoaders,
  ) {}

  @Query(() => DossierConnection, { description: 'Closed dossiers whose retention has run out, not on hold and not yet proposed.' })
  @Roles('CLERK', 'LEADER')
  disposalCandidates(
    @Args('kind', { type: () => DisposalKind }) kind: DisposalKind,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.disposal.candidates(kind, first, after);
  }

  @Query(() => [DisposalProposalType])
  @Roles('CLERK', 'LEADER')
  disposalProposals(
    @Args('status', { type: () => [DisposalStatus], nullable: true }) status?: DisposalStatus[],
  ): Promise<DisposalProposalEntity[]> {
    return this.disposal.list(status);
  }

  @Mutation(() => DisposalProposalType, { description: 'CLERK of the records unit: proposes dossiers for destruction or transfer.' })
  @Roles('CLERK')
  proposeDisposal(@Args('input') input: ProposeDisposalInput, @CurrentUser() principal: Principal): Promise<DisposalProposalEntity> {
    return this.disposal.propose(principal, input);
  }

  @Mutation(() => DisposalProposalType, { description: "A member of the proposal's appraisal committee gives its written opinion." })
  appraiseDisposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('note') note: string,
    @CurrentUser() principal: Principal,
  ): Promise<DisposalProposalEntity> {
    return this.disposal.appraise(principal, proposalId, note);
  }

  @Mutation(() => DisposalProposalType, {
    description:
      "The head of the organisation (a LEADER of the top unit) approves or rejects; destroying records kept 10 years or more needs the national archive's approval letter (a PDF uploaded with POST /files).",
  })
  @Roles('LEADER')
  decideDisposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('approve') approve: boolean,
    @CurrentUser() principal: Principal,
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args('approvalLetterFileId', { type: () => ID, nullable: true }) approvalLetterFileId?: string,
  ): Promise<DisposalProposalEntity> {
    return this.disposal.decide(principal, proposalId, approve, note, approvalLetterFileId);
  }

  @Mutation(() => DisposalProposalType, {
    description: 'CLERK: carries out an approved proposal and produces the signed minutes (berita acara).',
  })
  @Roles('CLERK')
  executeDisposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentUser() principal: Principal,
  ): Promise<DisposalProposalEntity> {
    return this.disposal.execute(principal, proposalId);
  }

  @ResolveField(() => [DossierType])
  dossiers(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<DossierEntity[]> {
    return ctx.loaders
      .get(
        'archive.proposalDossiers',
        () =>
          new DataLoader(async (ids: readonly string[]) => {
            const grouped = await this.disposal.dossiersOf(ids);
            return ids.map((id) => grouped.get(id) ?? []);
          }),
      )
      .load(proposal.id);
  }

  @ResolveField(() => UserType)
  proposedBy(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(proposal.proposedById);
  }

  @ResolveField(() => [UserType])
  async committee(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const users = await this.users.byId(ctx.loaders).loadMany(proposal.committeeIds);
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }

  @ResolveField(() => UserType, { nullable: true })
  decidedBy(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return proposal.decidedById ? this.users.byId(ctx.loaders).load(proposal.decidedById) : null;
  }

  @ResolveField(() => StoredFileType, { nullable: true, description: 'Daftar arsip usul musnah / serah, generated when proposed.' })
  listFile(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return proposal.listFileId ? this.loaders.file(ctx.loaders).load(proposal.listFileId) : null;
  }

  @ResolveField(() => StoredFileType, {
    nullable: true,
    description: 'Berita acara, signed with the institution seal, generated when executed.',
  })
  minutesFile(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return proposal.minutesFileId ? this.loaders.file(ctx.loaders).load(proposal.minutesFileId) : null;
  }

  @ResolveField(() => StoredFileType, {
    nullable: true,
    description: 'TRANSFER: the package of files, metadata.csv and manifest-sha256.txt.',
  })
  packageFile(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return proposal.packageFileId ? this.loaders.file(ctx.loaders).load(proposal.packageFileId) : null;
  }

  @ResolveField(() => StoredFileType, { nullable: true, description: "The national archive's approval letter the decision carries." })
  approvalLetterFile(@Parent() proposal: DisposalProposalEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return proposal.approvalLetterFileId ? this.loaders.file(ctx.loaders).load(proposal.approvalLetterFileId) : null;
  }
}
