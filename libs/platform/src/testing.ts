// Test helpers: imported by specs, e2e suites and the bench, never by production code.
export { describeObjectStorageDriver, type ServerQuirks } from './storage/storage-driver.suite';
export { thrownText } from './errors/thrown-text';
