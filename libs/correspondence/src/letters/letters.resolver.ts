import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { UnitsService } from '@gesit/organisation';
import { CurrentUser, GraphqlContext, Principal, requestLanguage, Roles } from '@gesit/platform';
import { DispositionEntity } from '../dispositions/disposition.entity';
import { LetterLoaders } from './letter-loaders.service';
import { LetterEntity, LetterEventEntity } from './letter.entity';
import { DispositionType, LetterConnection, LetterEventType, LetterFilter, LetterType, RegisterIncomingLetterInput } from './letter.types';
import { LettersService } from './letters.service';
import { describeEvent, peopleOf } from './timeline-text';

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
  constructor(
    private readonly users: UsersService,
    private readonly loaders: LetterLoaders,
    private readonly units: UnitsService,
  ) {}

  @ResolveField(() => [UserType], { description: 'The people the step was about besides its actor: addressees, recipients, approvers.' })
  async people(@Parent() event: LetterEventEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const users = await this.users.byId(ctx.loaders).loadMany(peopleOf(event));
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }

  @ResolveField(() => String, {
    description: 'What happened, in a sentence a person reads (Indonesian; English with Accept-Language: en), naming people and times.',
  })
  async description(@Parent() event: LetterEventEntity, @Context() ctx: GraphqlContext): Promise<string> {
    const mentioned = [event.actorId, event.actingForId, ...peopleOf(event)].filter((id): id is string => Boolean(id));
    const [users, letter] = await Promise.all([
      this.users.byId(ctx.loaders).loadMany(mentioned),
      this.loaders.letter(ctx.loaders).load(event.letterId),
    ]);
    const names = new Map(users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error)).map((u) => [u.id, u.name]));
    const unit = letter ? await this.units.byId(ctx.loaders).load(letter.unitId) : null;
    return describeEvent(event, (id) => names.get(id) ?? '?', unit?.timezone ?? DEFAULT_TIME_ZONE, requestLanguage(ctx.req.headers));
  }

  @ResolveField(() => UserType, { nullable: true })
  actor(@Parent() event: LetterEventEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return event.actorId ? this.users.byId(ctx.loaders).load(event.actorId) : null;
  }

  @ResolveField(() => UserType, { nullable: true, description: 'The official the actor acted for as Plh/Plt.' })
  actingFor(@Parent() event: LetterEventEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return event.actingForId ? this.users.byId(ctx.loaders).load(event.actingForId) : null;
  }
}
