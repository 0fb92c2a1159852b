export { StoredFileEntity } from './stored-file.entity';
export { StoredFileType } from './stored-file.type';
export { FilesModule, FilesWorkerModule } from './files.module';
export { StorageSweepService, FILES_QUEUE, RETAIN_JOB, type FilesJobs, type StorageSweepResult } from './storage-sweep.service';
export { FilesService, type UploadedFile } from './files.service';
export { FileAccessRegistry, type FileAccessRule } from './file-access.registry';
export { type AcceptedType } from './content-sniffing';
