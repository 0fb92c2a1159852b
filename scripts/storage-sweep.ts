// `npm run storage:sweep`: one run of the worker's storage sweep against the configured database and
// storage; prints how many unreferenced objects it removed. STORAGE_ORPHAN_GRACE_MINUTES=0 sweeps all.
import 'reflect-metadata';
import { StorageSweepService } from '@gesit/files';
import { createObjectStorage, loadConfig } from '@gesit/platform';
import { createDataSource } from '../db/data-source';

async function main(): Promise<void> {
  const config = loadConfig();
  const storage = createObjectStorage(config);
  await storage.init();
  const dataSource = createDataSource(config.databaseUrl, 1);
  await dataSource.initialize();
  try {
    const { removed, retained } = await new StorageSweepService(dataSource, storage, config).sweep();
    console.log(`storage sweep: removed ${removed} unreferenced objects, retained ${retained} files`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
