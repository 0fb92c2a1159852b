import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DiskObjectStorage } from './disk.storage';
import { OBJECT_STORAGE, ObjectStorage } from './object-storage';
import { S3ObjectStorage, s3ConfigFromUrl } from './s3.storage';

export function createObjectStorage(config: AppConfig): ObjectStorage {
  if (!config.s3) return new DiskObjectStorage(config.storageDir);
  return new S3ObjectStorage({
    ...s3ConfigFromUrl(config.s3.endpoint),
    accessKey: config.s3.accessKey,
    secretKey: config.s3.secretKey,
    bucket: config.s3.bucket,
    region: config.s3.region,
    partSize: config.s3.partSize,
    timeoutMs: config.s3.timeoutMs,
  });
}

/** Object storage: S3 (MinIO) when S3_ENDPOINT is set, local disk otherwise. */
@Global()
@Module({
  providers: [{ provide: OBJECT_STORAGE, inject: [AppConfig], useFactory: createObjectStorage }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnModuleInit {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  async onModuleInit(): Promise<void> {
    try {
      await this.storage.init();
    } catch (error) {
      throw new Error(`object storage (${this.storage.driver}) is not usable: ${(error as Error).message}`, { cause: error });
    }
  }
}
