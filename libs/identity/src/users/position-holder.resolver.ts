import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@gesit/platform';
import { PositionEntity, PositionType } from '@gesit/organisation';
import { UserEntity } from './user.entity';
import { UserType } from './user.type';
import { UsersService } from './users.service';

/** Position.holder: positions live in the organisation library, their holders here. */
@Resolver(() => PositionType)
export class PositionHolderResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserType, { nullable: true })
  holder(@Parent() position: PositionEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.holderOf(ctx.loaders).load(position.id);
  }
}
