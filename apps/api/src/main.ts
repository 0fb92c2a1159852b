import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gesit/platform';
import { startApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  await startApi(config);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
