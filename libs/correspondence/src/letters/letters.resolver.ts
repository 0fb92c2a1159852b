import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { LetterLoaders } from './letter-loaders.service';
import { LetterEntity } from './letter.entity';
import { LetterConnection, LetterFilter, LetterType } from './letter.types';
import { LettersService } from './letters.service';

@Resolver(() => LetterType)
export class LettersResolver {
  constructor(
    private readonly service: LettersService,
    private readonly loaders: LetterLoaders,
    private readonly users: UsersService,
  ) {}

  @Query(() => LetterType, { nullable: true })
  letter(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<LetterEntity> {
    return this.service.get(principal, id);
  }

  @Query(() => LetterConnection)
  letters(
    @CurrentUser() principal: Principal,
    @Args('filter', { type: () => LetterFilter, nullable: true }) filter?: LetterFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.service.list(principal, filter, first, after);
  }

  @ResolveField(() => UserType)
  createdBy(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(letter.createdById);
  }

  @ResolveField(() => [UserType])
  async addressees(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    return this.usersOf(
      (await this.loaders.addressees(ctx.loaders).load(letter.id)).map((a) => a.userId),
      ctx,
    );
  }

  @ResolveField(() => [StoredFileType])
  files(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity[]> {
    return this.loaders.files(ctx.loaders).load(letter.id);
  }

  private async usersOf(ids: string[], ctx: GraphqlContext): Promise<UserEntity[]> {
    const users = await this.users.byId(ctx.loaders).loadMany(ids);
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }
}
