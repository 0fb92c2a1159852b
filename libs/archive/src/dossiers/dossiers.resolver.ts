import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ClassificationCodeEntity, ClassificationCodeType } from '@gesit/correspondence';
import { UnitEntity, UnitsService, UnitType } from '@gesit/organisation';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { ArchiveLoaders } from './archive-loaders.service';
import { DossierEntity } from './dossier.entity';
import { CreateDossierInput, DossierConnection, DossierFilter, DossierType } from './dossier.type';
import { DossiersService } from './dossiers.service';

@Resolver(() => DossierType)
export class DossiersResolver {
  constructor(
    private readonly dossierService: DossiersService,
    private readonly loaders: ArchiveLoaders,
    private readonly units: UnitsService,
  ) {}

  @Query(() => DossierType, { nullable: true })
  dossier(@Args('id', { type: () => ID }) id: string): Promise<DossierEntity | null> {
    return this.dossierService.get(id);
  }

  @Query(() => DossierConnection)
  dossiers(
    @Args('filter', { type: () => DossierFilter, nullable: true }) filter?: DossierFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.dossierService.list(filter, first, after);
  }

  @Mutation(() => DossierType)
  @Roles('CLERK')
  createDossier(@Args('input') input: CreateDossierInput, @CurrentUser() principal: Principal): Promise<DossierEntity> {
    return this.dossierService.create(principal, input);
  }

  @Mutation(() => DossierType, { description: 'Closes the dossier: its retention clock (JRA) starts.' })
  @Roles('CLERK')
  closeDossier(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<DossierEntity> {
    return this.dossierService.close(principal, id);
  }

  @Mutation(() => DossierType, { description: 'A legal hold stops every retention and disposal step and extends the object lock.' })
  @Roles('CLERK')
  setLegalHold(
    @Args('dossierId', { type: () => ID }) dossierId: string,
    @Args('hold') hold: boolean,
    @Args('reason') reason: string,
    @CurrentUser() principal: Principal,
  ): Promise<DossierEntity> {
    return this.dossierService.setLegalHold(principal, dossierId, hold, reason);
  }

  @ResolveField(() => ClassificationCodeType)
  classification(@Parent() dossier: DossierEntity, @Context() ctx: GraphqlContext): Promise<ClassificationCodeEntity | null> {
    return this.loaders.classificationCode(ctx.loaders).load(dossier.classificationCode);
  }

  @ResolveField(() => UnitType)
  unit(@Parent() dossier: DossierEntity, @Context() ctx: GraphqlContext): Promise<UnitEntity | null> {
    return this.units.byId(ctx.loaders).load(dossier.unitId);
  }

  @ResolveField(() => Int)
  recordCount(@Parent() dossier: DossierEntity, @Context() ctx: GraphqlContext): Promise<number> {
    return this.loaders.recordCount(ctx.loaders).load(dossier.id);
  }
}
