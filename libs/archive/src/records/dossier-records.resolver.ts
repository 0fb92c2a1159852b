import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal } from '@gesit/platform';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierType } from '../dossiers/dossier.type';
import { ArchiveRecordConnection } from './archive-record.type';
import { RecordsService } from './records.service';

/** The records of a dossier. */
@Resolver(() => DossierType)
export class DossierRecordsResolver {
  constructor(private readonly service: RecordsService) {}

  @ResolveField(() => ArchiveRecordConnection, { description: 'The records of the dossier the caller may read.' })
  records(
    @Parent() dossier: DossierEntity,
    @CurrentUser() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.service.listInDossier(principal, dossier.id, first, after);
  }
}
