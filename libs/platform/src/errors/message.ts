/** The languages Gesit speaks: Indonesian first, English when the client asks for it. */
export type Language = 'id' | 'en';

/**
 * A text a person reads, in both languages Gesit speaks: Indonesian (`id`) first, English (`en`) when
 * the client asks for it. Thrown errors carry it whole; the error formatter picks the request's language.
 */
export interface Message {
  readonly id: string;
  readonly en: string;
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Message).id === 'string' &&
  typeof (value as Message).en === 'string' &&
  Object.keys(value).length === 2;

export const inLanguage = (message: Message, language: Language): string => message[language];

/** Any Message inside `value` (error details: field lists, nested objects) rendered in `language`. */
export function localize(value: unknown, language: Language): unknown {
  if (isMessage(value)) return value[language];
  if (Array.isArray(value)) return value.map((item) => localize(item, language));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localize(item, language)]));
  return value;
}
