import { Module } from '@nestjs/common';
import { FileAccessRegistry } from './file-access.registry';
import { FilesController } from './files.controller';
import { FilesResolver } from './files.resolver';
import { FilesService } from './files.service';

@Module({
  controllers: [FilesController],
  providers: [FilesService, FilesResolver, FileAccessRegistry],
  exports: [FilesService, FileAccessRegistry],
})
export class FilesModule {}
