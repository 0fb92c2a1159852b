import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ClassificationCodeEntity, ClassificationCodeType, LetterEntity, LetterType } from '@gesit/correspondence';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { RecordPhase } from '../archive.enums';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierType } from '../dossiers/dossier.type';
import { ArchiveLoaders } from '../dossiers/archive-loaders.service';
import { ArchiveRecordEntity } from './archive-record.entity';
import { ArchiveFileInput, ArchiveLetterInput, ArchiveRecordType, UnfiledLetterConnection } from './archive-record.type';
import { RecordsService } from './records.service';

@Resolver(() => ArchiveRecordType)
export class RecordsResolver {
  constructor(
    private readonly records: RecordsService,
    private readonly loaders: ArchiveLoaders,
    private readonly users: UsersService,
  ) {}

  @Query(() => ArchiveRecordType, { nullable: true })
  archiveRecord(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<ArchiveRecordEntity> {
    return this.records.read(principal, id);
  }

  @Query(() => UnfiledLetterConnection, {
    description: 'CLERK: completed incoming and sent outgoing letters not yet archived, oldest first, for filing.',
  })
  @Roles('CLERK')
  unfiledLetters(
    @CurrentUser() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.records.unfiledLetters(principal, first, after);
  }

  @Mutation(() => ArchiveRecordType)
  @Roles('CLERK')
  archiveFile(@Args('input') input: ArchiveFileInput, @CurrentUser() principal: Principal): Promise<ArchiveRecordEntity> {
    return this.records.archiveFile(principal, input);
  }

  @Mutation(() => ArchiveRecordType)
  @Roles('CLERK')
  archiveLetter(@Args('input') input: ArchiveLetterInput, @CurrentUser() principal: Principal): Promise<ArchiveRecordEntity> {
    return this.records.archiveLetter(principal, input);
  }

  @ResolveField(() => ClassificationCodeType)
  classification(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<ClassificationCodeEntity | null> {
    return this.loaders.classificationCode(ctx.loaders).load(record.classificationCode);
  }

  @ResolveField(() => DossierType, { nullable: true })
  dossier(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<DossierEntity | null> | null {
    return record.dossierId ? this.loaders.dossier(ctx.loaders).load(record.dossierId) : null;
  }

  @ResolveField(() => LetterType, { nullable: true })
  letter(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<LetterEntity | null> | null {
    return record.letterId ? this.loaders.letter(ctx.loaders).load(record.letterId) : null;
  }

  @ResolveField(() => StoredFileType)
  file(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> {
    return this.loaders.file(ctx.loaders).load(record.fileId);
  }

  @ResolveField(() => StoredFileType, { nullable: true, description: 'The scan with an invisible text layer, made by OCR.' })
  searchableFile(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity | null> | null {
    return record.searchableFileId ? this.loaders.file(ctx.loaders).load(record.searchableFileId) : null;
  }

  @ResolveField(() => RecordPhase)
  async phase(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<RecordPhase> {
    return RecordsService.phaseOf(record, record.dossierId ? await this.loaders.dossier(ctx.loaders).load(record.dossierId) : null);
  }

  @ResolveField(() => Boolean)
  async legalHold(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<boolean> {
    return Boolean(record.dossierId && (await this.loaders.dossier(ctx.loaders).load(record.dossierId))?.legalHold);
  }

  @ResolveField(() => UserType)
  archivedBy(@Parent() record: ArchiveRecordEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(record.archivedById);
  }
}
