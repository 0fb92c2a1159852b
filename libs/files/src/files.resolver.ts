import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppConfig, CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { FilesService } from './files.service';
import { StoredFileEntity } from './stored-file.entity';
import { StoredFileType } from './stored-file.type';

@Resolver(() => StoredFileType)
export class FilesResolver {
  constructor(
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  @Query(() => StoredFileType, { nullable: true })
  file(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<StoredFileEntity> {
    return this.files.findReadable(principal, id);
  }

  /** Parents that return files have already checked the caller may read them. */
  @ResolveField(() => String)
  downloadUrl(@Parent() file: StoredFileEntity, @Context() context: GraphqlContext): Promise<string> {
    return this.files.downloadUrl(file, requestBaseUrl(context, this.config.publicBaseUrl));
  }
}

/** The address the client used (behind a proxy: X-Forwarded-*), so links work from wherever it connects. */
function requestBaseUrl(context: GraphqlContext, fallback: string): string {
  const request = context.req as unknown as { protocol?: string; host?: string; headers: Record<string, string | undefined> };
  const host = request.host ?? request.headers.host;
  return host ? `${request.protocol ?? 'http'}://${host}` : fallback;
}
