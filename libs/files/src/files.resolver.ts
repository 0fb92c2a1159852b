import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppConfig, CurrentUser, Principal } from '@gesit/platform';
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

  /**
   * Parents that return files have already checked the caller may read them. The link's host is
   * PUBLIC_BASE_URL, never a request header: a forged Host or X-Forwarded-Host would send the signed
   * link to someone else's server.
   */
  @ResolveField(() => String)
  downloadUrl(@Parent() file: StoredFileEntity): Promise<string> {
    return this.files.downloadUrl(file, this.config.publicBaseUrl);
  }
}
