import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FilesService, StoredFileEntity, StoredFileType } from '@gesit/files';
import { UnitEntity, UnitsService, UnitType } from '@gesit/organisation';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { LetterTemplateInput, LetterTemplateType } from './letter-composition.types';
import { LetterTemplateEntity } from './letter-template.entity';
import { LetterTemplatesService } from './letter-templates.service';

@Resolver(() => LetterTemplateType)
export class LetterTemplatesResolver {
  constructor(
    private readonly templates: LetterTemplatesService,
    private readonly units: UnitsService,
    private readonly files: FilesService,
  ) {}

  @Query(() => [LetterTemplateType], { description: 'Templates of the unit and of the units above it, nearest first.' })
  letterTemplates(
    @CurrentUser() principal: Principal,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string | null,
  ): Promise<LetterTemplateEntity[]> {
    return this.templates.list(principal, unitId);
  }

  @Mutation(() => LetterTemplateType, { description: 'ADMIN: creates a template, or changes the one with this id.' })
  @Roles('ADMIN')
  saveLetterTemplate(
    @Args('input') input: LetterTemplateInput,
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
  ): Promise<LetterTemplateEntity> {
    return this.templates.save(principal, id ?? null, input);
  }

  @ResolveField(() => UnitType)
  unit(@Parent() template: LetterTemplateEntity, @Context() ctx: GraphqlContext): Promise<UnitEntity | null> {
    return this.units.byId(ctx.loaders).load(template.unitId);
  }

  @ResolveField(() => StoredFileType, { nullable: true })
  async logoFile(@Parent() template: LetterTemplateEntity): Promise<StoredFileEntity | null> {
    return template.logoFileId ? ((await this.files.findByIds([template.logoFileId]))[0] ?? null) : null;
  }
}
