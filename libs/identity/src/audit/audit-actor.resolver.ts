import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEventType, type GraphqlContext } from '@gesit/platform';
import { UserEntity } from '../users/user.entity';
import { UserType } from '../users/user.type';
import { UsersService } from '../users/users.service';

/** AuditEvent.actor and actingFor: the platform records user ids, identity knows the users. */
@Resolver(() => AuditEventType)
export class AuditActorResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserType, { nullable: true, description: 'Who made the change; null for the system.' })
  actor(@Parent() event: AuditEventType, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return event.actorId ? this.users.byId(ctx.loaders).load(event.actorId) : null;
  }

  @ResolveField(() => UserType, { nullable: true, description: 'The official the actor acted for as Plh/Plt.' })
  actingFor(@Parent() event: AuditEventType, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return event.actingForId ? this.users.byId(ctx.loaders).load(event.actingForId) : null;
  }
}
