import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { ClassificationCodeEntity } from './classification-code.entity';
import { ClassificationService } from './classification.service';
import { ClassificationCodeInput, ClassificationCodeType } from './classification.types';

@Resolver(() => ClassificationCodeType)
export class ClassificationResolver {
  constructor(private readonly classification: ClassificationService) {}

  @Query(() => [ClassificationCodeType])
  classificationCodes(
    @Args('parentCode', { type: () => String, nullable: true }) parentCode?: string | null,
  ): Promise<ClassificationCodeEntity[]> {
    return this.classification.list(parentCode);
  }

  @Mutation(() => ClassificationCodeType, { description: 'ADMIN: add or change a code of the classification scheme.' })
  @Roles('ADMIN')
  upsertClassificationCode(
    @Args('input') input: ClassificationCodeInput,
    @CurrentUser() actor: Principal,
  ): Promise<ClassificationCodeEntity> {
    return this.classification.upsert(actor, input);
  }

  @ResolveField(() => ClassificationCodeType, { nullable: true })
  parent(@Parent() code: ClassificationCodeEntity, @Context() context: GraphqlContext): Promise<ClassificationCodeEntity | null> | null {
    if (!code.parentCode) return null;
    return this.classification.byCode(context.loaders).load(code.parentCode);
  }
}
