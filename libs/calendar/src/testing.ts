import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Test helpers: imported by e2e suites, never by production code.

/** The text of the holiday decree (SKB) of `year` kept in this library, as an ADMIN would import it. */
export const holidayDecreeJson = (year: 2026): string => readFileSync(join(__dirname, 'data', `holidays-id-${year}.json`), 'utf8');
