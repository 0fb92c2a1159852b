import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal } from '@gesit/platform';
import { SearchService } from './search.service';
import { ArchiveFilter, ArchiveSearchConnection } from './search.types';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => ArchiveSearchConnection, {
    description:
      'Full-text search over titles, metadata and OCR text; Indonesian word forms (musnah, pemusnahan, dimusnahkan) find each other.',
  })
  searchArchive(
    @CurrentUser() principal: Principal,
    @Args('query') query: string,
    @Args('filter', { type: () => ArchiveFilter, nullable: true }) filter?: ArchiveFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.search.search(principal, query, filter, first, after);
  }
}
