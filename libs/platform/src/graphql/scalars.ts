import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors/errors';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Refusals are our own errors, so the client reads them in its language (graphql-js would word them in English).
const dateNotText = () =>
  badInput({ id: 'Tanggal ditulis sebagai teks seperti 2026-11-27.', en: 'A Date must be a string like 2026-11-27.' });

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string') throw dateNotText();
  const m = LOCAL_DATE.exec(value);
  if (!m)
    throw badInput({
      id: `"${value}" bukan tanggal kalender seperti 2026-11-27.`,
      en: `"${value}" is not a calendar date like 2026-11-27.`,
    });
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
    throw badInput({ id: `${value} bukan hari yang ada di kalender.`, en: `${value} is not a day of the calendar.` });
  }
  return value;
}

/** A calendar date (dates on letters), kept as the string 'YYYY-MM-DD' so no time zone can shift it. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date, e.g. 2026-11-27',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseLocalDate(value)),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw dateNotText();
    return parseLocalDate(ast.value);
  },
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput({
      id: `${JSON.stringify(value)} bukan waktu ISO-8601 dengan zona waktu, misalnya 2026-11-27T08:30:00.000Z atau 2026-11-27T15:30:00+07:00.`,
      en: `${JSON.stringify(value)} is not an ISO-8601 instant with a zone, e.g. 2026-11-27T08:30:00.000Z or 2026-11-27T15:30:00+07:00.`,
    });
  }
  return new Date(value);
}

/** An instant: accepted only as ISO-8601 with a zone (a time without one is ambiguous across WIB/WITA/WIT). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO-8601 instant, e.g. 2026-11-27T08:30:00.000Z',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw badInput({
        id: 'DateTime ditulis sebagai teks seperti 2026-11-27T08:30:00.000Z.',
        en: 'A DateTime must be a string like 2026-11-27T08:30:00.000Z.',
      });
    return parseInstant(ast.value);
  },
});
