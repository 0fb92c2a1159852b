import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal, requestLanguage, Roles } from '@gesit/platform';
import { ArchiveImportEntity } from './archive-import.entity';
import { ArchiveImportErrorType, ArchiveImportType, StartArchiveImportInput } from './archive-import.type';
import { errorsCsv, rowErrorsIn } from './import-errors';
import { ImportsService } from './imports.service';

@Resolver(() => ArchiveImportType)
export class ImportsResolver {
  constructor(
    private readonly imports: ImportsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => ArchiveImportType, { nullable: true, description: 'An import the caller started.' })
  archiveImport(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<ArchiveImportEntity | null> {
    return this.imports.get(principal, id);
  }

  @Query(() => [ArchiveImportType], { description: "The caller's imports, newest first." })
  archiveImports(
    @CurrentUser() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<ArchiveImportEntity[]> {
    return this.imports.list(principal, first);
  }

  @Mutation(() => ArchiveImportType, {
    description: 'CLERK: checks (dryRun) or imports a ZIP of scans with a CSV manifest, in the worker.',
  })
  @Roles('CLERK')
  startArchiveImport(@Args('input') input: StartArchiveImportInput, @CurrentUser() principal: Principal): Promise<ArchiveImportEntity> {
    return this.imports.start(principal, input);
  }

  @Mutation(() => ArchiveImportType)
  @Roles('CLERK')
  cancelArchiveImport(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<ArchiveImportEntity> {
    return this.imports.cancel(principal, id);
  }

  @Subscription(() => ArchiveImportType, {
    description: 'The import each time its progress changes, until it ends (graphql-ws; authenticate in connection_init).',
    resolve: (row: ArchiveImportEntity) => row,
  })
  archiveImportProgress(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() principal: Principal,
    @Context('pubsub') pubsub: PubSub,
  ) {
    return this.imports.progress(principal, id, pubsub);
  }

  @ResolveField(() => UserType)
  startedBy(@Parent() row: ArchiveImportEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(row.startedById);
  }

  @ResolveField(() => [ArchiveImportErrorType])
  errors(@Parent() row: ArchiveImportEntity, @Context() ctx: GraphqlContext): ArchiveImportErrorType[] {
    return rowErrorsIn(row.errors, requestLanguage(ctx.req?.headers ?? {}));
  }

  @ResolveField(() => String, {
    description:
      "The errors as CSV (baris, pesan; row, message in English), in the request's language, to fix the manifest in a spreadsheet.",
  })
  errorsCsv(@Parent() row: ArchiveImportEntity, @Context() ctx: GraphqlContext): string {
    return errorsCsv(row.errors, requestLanguage(ctx.req?.headers ?? {}));
  }
}
