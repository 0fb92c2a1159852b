import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, LoggingModule, MaintenanceProcessor, PlatformModule, QueueWorkerModule } from '@gesit/platform';
import { ArchiveWorkerModule } from '@gesit/archive';
import { FilesWorkerModule } from '@gesit/files';
import { NotificationsWorkerModule } from '@gesit/notifications';
import { TasksWorkerModule } from '@gesit/tasks';
import { entities } from '../../../db/entities';
import { loadMigrations } from '../../../db/migrations';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, entities, migrations: loadMigrations() }),
        LoggingModule.forRoot(),
        QueueWorkerModule,
        NotificationsWorkerModule,
        FilesWorkerModule,
        TasksWorkerModule,
        ArchiveWorkerModule,
      ],
      providers: [MaintenanceProcessor],
    };
  }
}
