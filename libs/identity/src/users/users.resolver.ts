import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowDuringMfaEnrolment, CurrentUser, forbidden, type GraphqlContext, type Principal, Roles } from '@gesit/platform';
import { PositionEntity, PositionsService, PositionType } from '@gesit/organisation';
import { CreateUserInput } from './create-user.input';
import { UserEntity } from './user.entity';
import { UserLanguage } from './user-language';
import { UserType } from './user.type';
import { UsersService } from './users.service';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly positions: PositionsService,
  ) {}

  @Query(() => UserType, { description: 'The signed-in user.' })
  @AllowDuringMfaEnrolment()
  me(@CurrentUser() caller: Principal): Promise<UserEntity> {
    return this.users.get(caller.userId);
  }

  @Query(() => UserType, { nullable: true })
  user(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(id);
  }

  @Mutation(() => UserType, { description: 'ADMIN: adds a user, optionally as the holder of a vacant position.' })
  @Roles('ADMIN')
  createUser(@CurrentUser() caller: Principal, @Args('input') input: CreateUserInput): Promise<UserEntity> {
    return this.users.create(caller.userId, input);
  }

  /** The way from `me` to colleagues (holders, units): closed to a token that may only enrol MFA. */
  @Mutation(() => UserType, {
    description:
      "Sets the caller's own mobile number (e.g. 0812 3456 7890 or +62 812 3456 7890), where WhatsApp notifications go; null or blank removes it.",
  })
  setMyPhone(
    @CurrentUser() caller: Principal,
    @Args('phone', { type: () => String, nullable: true }) phone: string | null,
  ): Promise<UserEntity> {
    return this.users.setPhone(caller.userId, phone);
  }

  @Mutation(() => UserType, {
    description:
      "Sets the language of the caller's own e-mail and WhatsApp notices (Indonesian unless set); in-app texts follow each request's Accept-Language.",
  })
  setMyLanguage(
    @CurrentUser() caller: Principal,
    @Args('language', { type: () => UserLanguage }) language: UserLanguage,
  ): Promise<UserEntity> {
    return this.users.setLanguage(caller.userId, language);
  }

  @ResolveField(() => PositionType, { nullable: true })
  position(
    @Parent() user: UserEntity,
    @Context() ctx: GraphqlContext,
    @CurrentUser() caller: Principal,
  ): Promise<PositionEntity | null> | null {
    if (caller.scope !== 'full')
      throw forbidden({
        id: 'Selama penyiapan verifikasi dua langkah hanya data akun Anda sendiri yang dapat dibaca. Selesaikan penyiapannya, lalu masuk lagi.',
        en: 'While two-step verification is being set up only your own account can be read. Finish the set-up, then sign in again.',
      });
    return user.positionId ? this.positions.byId(ctx.loaders).load(user.positionId) : null;
  }
}
