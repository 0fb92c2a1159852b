import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { DispositionEntity } from '../dispositions/disposition.entity';
import { LetterLoaders } from './letter-loaders.service';
import { LetterEntity, LetterEventEntity } from './letter.entity';
import { DispositionType, LetterConnection, LetterEventType, LetterFilter, LetterType, RegisterIncomingLetterInput } from './letter.types';
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

  @Mutation(() => LetterType)
  @Roles('CLERK')
  registerIncomingLetter(@Args('input') input: RegisterIncomingLetterInput, @CurrentUser() principal: Principal): Promise<LetterEntity> {
    return this.service.register(principal, input);
  }

  @ResolveField(() => UserType)
  createdBy(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(letter.createdById);
  }

  @ResolveField(() => [UserType])
  async addressees(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    return this.usersOf(await this.loaders.addresseeIds(ctx.loaders).load(letter.id), ctx);
  }

  @ResolveField(() => [StoredFileType])
  files(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity[]> {
    return this.loaders.files(ctx.loaders).load(letter.id);
  }

  @ResolveField(() => [DispositionType])
  dispositions(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<DispositionEntity[]> {
    return this.loaders.dispositionsOfLetter(ctx.loaders).load(letter.id);
  }

  @ResolveField(() => [LetterEventType])
  timeline(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<LetterEventEntity[]> {
    return this.loaders.timeline(ctx.loaders).load(letter.id);
  }

  @ResolveField(() => [UserType], { description: 'Where the letter is now: assignees whose assignment is not completed.' })
  async currentHolders(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    return this.usersOf(await this.loaders.currentHolderIds(ctx.loaders).load(letter.id), ctx);
  }

  private async usersOf(ids: string[], ctx: GraphqlContext): Promise<UserEntity[]> {
    const users = await this.users.byId(ctx.loaders).loadMany(ids);
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }
}

@Resolver(() => LetterEventType)
export class LetterEventsResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserType, { nullable: true })
  actor(@Parent() event: LetterEventEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return event.actorId ? this.users.byId(ctx.loaders).load(event.actorId) : null;
  }

  @ResolveField(() => UserType, { nullable: true, description: 'The official the actor acted for as Plh/Plt.' })
  actingFor(@Parent() event: LetterEventEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return event.actingForId ? this.users.byId(ctx.loaders).load(event.actingForId) : null;
  }
}
