import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { GraphqlContext } from '@gesit/platform';
import { LetterEntity } from '../letters/letter.entity';
import { LetterType } from '../letters/letter.types';
import { DispositionLoaders } from './disposition-loaders.service';
import { DispositionEntity } from './disposition.entity';
import { DispositionType } from './disposition.types';

/** A letter's dispositions, and where it is now. */
@Resolver(() => LetterType)
export class LetterDispositionsResolver {
  constructor(
    private readonly loaders: DispositionLoaders,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => [DispositionType])
  dispositions(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<DispositionEntity[]> {
    return this.loaders.dispositionsOfLetter(ctx.loaders).load(letter.id);
  }

  @ResolveField(() => [UserType], { description: 'Where the letter is now: assignees whose assignment is not completed.' })
  async currentHolders(@Parent() letter: LetterEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const users = await this.users.byId(ctx.loaders).loadMany(await this.loaders.currentHolderIds(ctx.loaders).load(letter.id));
    return users.filter((u): u is UserEntity => Boolean(u) && !(u instanceof Error));
  }
}
