// Walks the audit hash chain of the configured database; exits 1 and names the first broken event.
import 'reflect-metadata';
import { AuditService, loadConfig } from '@gesit/platform';
import { createDataSource } from '../db/data-source';

async function main(): Promise<void> {
  const dataSource = createDataSource(loadConfig().databaseUrl, 1);
  await dataSource.initialize();
  try {
    const status = await new AuditService(dataSource).verifyChain();
    if (status.valid) {
      console.log(`audit chain intact: ${status.checkedEvents} events checked`);
    } else {
      console.error(`audit chain BROKEN at event ${status.firstBrokenEventId} (${status.checkedEvents} events before it are intact)`);
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
