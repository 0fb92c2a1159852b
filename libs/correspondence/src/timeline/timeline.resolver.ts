import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { DEFAULT_TIME_ZONE, UnitsService } from '@gesit/organisation';
import { GraphqlContext, requestLanguage } from '@gesit/platform';
import { LetterLoaders } from '../letters/letter-loaders.service';
import { LetterEntity, LetterEventEntity } from '../letters/letter.entity';
import { LetterType } from '../letters/letter.types';
import { LetterEventType } from './letter-event.type';
import { describeEvent, peopleOf } from './timeline-text';

/** The letter's story: each step in the order it happened. */
@Resolver(() => LetterType)
export class LetterTimelineResolver {
  constructor(private readonly loaders: LetterLoaders) {}

  @ResolveField(() => [LetterEventType])
  timeline(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<LetterEventEntity[]> {
    return this.loaders.timeline(ctx.loaders).load(letter.id);
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
