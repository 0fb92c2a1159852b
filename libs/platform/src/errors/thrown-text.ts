import { AppError } from './errors';
import type { Language } from './message';

/** Test helper: what a client asking in `language` reads of the AppError `act` throws (fails the test when nothing is thrown). */
export function thrownText(act: () => unknown, language: Language = 'en'): string {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error.text[language];
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}
