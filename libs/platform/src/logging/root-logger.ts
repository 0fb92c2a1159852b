import { hostname } from 'node:os';
import pino, { DestinationStream, Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { redactSecrets } from './log-redaction';

/**
 * The one pino logger of a process: JSON lines on stdout (or `destination`), level from LOG_LEVEL,
 * secrets redacted from every logged object. `app` tells API and worker lines apart when `npm start`
 * runs both in one terminal.
 */
export function createRootLogger(config: AppConfig, app: 'api' | 'worker', destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { app, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSecrets(object),
      },
    },
    destination,
  );
}
