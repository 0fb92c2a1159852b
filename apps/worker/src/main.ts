import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gesit/platform';
import { startWorker } from './bootstrap';

startWorker(loadConfig()).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
