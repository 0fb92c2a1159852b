import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PositionsService, UnitEntity, UnitsService, UnitType } from '@gesit/organisation';
import type { ConnectionShape, GraphqlContext } from '@gesit/platform';
import { UserEntity } from '../users/user.entity';
import { UserType } from '../users/user.type';
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
}
