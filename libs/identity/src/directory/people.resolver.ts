import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PositionsService, UnitEntity, UnitsService, UnitType } from '@gesit/organisation';
import type { ConnectionShape, GraphqlContext } from '@gesit/platform';
import { UserEntity } from '../users/user.entity';
import { UserType } from '../users/user.type';
import { ContactVisibility, maskEmail } from './contact-visibility';
import { PeopleFilter } from './people-filter.input';
import { PersonConnection } from './person-connection.type';
import { PeopleService } from './people.service';

/** The staff directory, and where each person sits and whether someone acts for them today. */
@Resolver(() => UserType)
export class PeopleResolver {
  constructor(
    private readonly directory: PeopleService,
    private readonly positions: PositionsService,
    private readonly units: UnitsService,
    private readonly contacts: ContactVisibility,
  ) {}

  @Query(() => PersonConnection, { description: 'Find colleagues by name, NIP, e-mail or position title, nearest match first.' })
  people(
    @Args('filter', { type: () => PeopleFilter, nullable: true }) filter: PeopleFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<UserEntity>> {
    return this.directory.search(filter ?? {}, first, after);
  }

  @ResolveField(() => UnitType, { nullable: true, description: 'The unit of the position the person holds.' })
  async unit(@Parent() user: UserEntity, @Context() ctx: GraphqlContext): Promise<UnitEntity | null> {
    if (!user.positionId) return null;
    const position = await this.positions.byId(ctx.loaders).load(user.positionId);
    return position ? this.units.byId(ctx.loaders).load(position.unitId) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the person is on leave or away today (a Plh/Plt acts for them).' })
  async away(@Parent() user: UserEntity, @Context() ctx: GraphqlContext): Promise<boolean> {
    return (await this.directory.actingFor(ctx.loaders).load(user.id)) !== null;
  }

  @ResolveField(() => UserType, { nullable: true, description: 'The Plh/Plt acting for the person now, when they are away.' })
  actingBy(@Parent() user: UserEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.directory.actingFor(ctx.loaders).load(user.id);
  }

  @ResolveField(() => String)
  async email(@Parent() user: UserEntity, @Context() ctx: GraphqlContext): Promise<string> {
    return (await this.contactVisible(user, ctx)) ? user.email : maskEmail(user.email);
  }

  @ResolveField(() => String, { nullable: true })
  async phone(@Parent() user: UserEntity, @Context() ctx: GraphqlContext): Promise<string | null> {
    return user.phone && (await this.contactVisible(user, ctx)) ? user.phone : null;
  }

  /**
   * Without a principal the only user an operation can return is the one signing in (the sign-in and
   * refresh answers), who sees their own address.
   */
  private async contactVisible(user: UserEntity, ctx: GraphqlContext): Promise<boolean> {
    const viewer = ctx.req.principal;
    return !viewer || this.contacts.visibleTo(ctx.loaders, viewer).load(user.id);
  }
}
