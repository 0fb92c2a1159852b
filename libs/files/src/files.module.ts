import { Module } from '@nestjs/common';
import { FileAccessRegistry } from './file-access.registry';
import { FilesController } from './files.controller';
import { FilesResolver } from './files.resolver';
import { FilesService } from './files.service';
import { StorageSweepProcessor } from './storage-sweep.processor';
import { StorageSweepService } from './storage-sweep.service';

@Module({
  controllers: [FilesController],
  providers: [FilesService, FilesResolver, FileAccessRegistry],
  exports: [FilesService, FileAccessRegistry],
})
export class FilesModule {}

/** Files in the worker: retention after commit and the sweep of unreferenced objects. */
@Module({
  providers: [StorageSweepService, StorageSweepProcessor],
  exports: [StorageSweepService],
})
export class FilesWorkerModule {}
