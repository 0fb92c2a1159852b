// Walks the audit hash chain of the configured database and holds it against the signed checkpoints in
// the configured object storage; exits 1 and says what is broken (a changed event, a re-hashed stretch, a missing tail).
import 'reflect-metadata';
import { AuditAnchorService, AuditService, createObjectStorage, loadConfig } from '@gesit/platform';
import { createDataSource } from '../db/data-source';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config.databaseUrl, 1);
  await dataSource.initialize();
  try {
    const anchor = new AuditAnchorService(dataSource, createObjectStorage(config), config, new AuditService(dataSource));
    const status = await anchor.verify();
    if (status.valid) {
      console.log(`audit chain intact: ${status.checkedEvents} events checked, ${status.checkpointsChecked} checkpoints matched`);
    } else {
      console.error(
        `audit chain BROKEN${status.firstBrokenEventId ? ` at event ${status.firstBrokenEventId}` : ''}${status.truncated ? ' (tail missing)' : ''}: ${status.problem}`,
      );
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(2);
});
