export * from './object-storage';
export * from './disk.storage';
export * from './s3.storage';
export { StorageModule, createObjectStorage } from './storage.module';
