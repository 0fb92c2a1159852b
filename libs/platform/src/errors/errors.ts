import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { type Language, localize, type Message } from './message';

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/**
 * An error a person can act on; its code reaches the client as `extensions.code`, its text in the
 * request's language. `message` (logs) is the Indonesian text. Details may hold Messages too (field lists).
 */
export class AppError extends Error {
  readonly text: Message;

  constructor(
    readonly code: ErrorCode,
    text: Message,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.id);
    this.text = text;
    this.name = 'AppError';
  }
}

/** One bad field of an input: `extensions.fields` lists every one of them at once. */
export interface FieldProblem {
  field: string;
  message: Message;
}

/** BAD_USER_INPUT; with `details.field` it also lists that field in `extensions.fields`, as every field refusal does. */
export const badInput = (message: Message, details?: Record<string, unknown>): AppError =>
  new AppError(
    'BAD_USER_INPUT',
    message,
    typeof details?.field === 'string' && !details.fields ? { ...details, fields: [{ field: details.field, message }] } : details,
  );
export const unauthenticated = (message: Message = { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' }): AppError =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (
  message: Message = { id: 'Anda tidak diizinkan melakukan ini.', en: 'You are not allowed to do this.' },
): AppError => new AppError('FORBIDDEN', message);
/** `what` names the kind of thing (Surat, Unit), never its id: the caller knows what they asked for. */
export const notFound = (what: Message): AppError =>
  new AppError('NOT_FOUND', { id: `${what.id} tidak ditemukan.`, en: `${what.en} was not found.` });
export const conflict = (message: Message, details?: Record<string, unknown>): AppError => new AppError('CONFLICT', message, details);

/** The codes a refusal of one field may carry: a bad value, a value the database already holds, a thing that is not there. */
export type FieldProblemCode = Extract<ErrorCode, 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND'>;
const FIELD_PROBLEM_CODES: readonly ErrorCode[] = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'];

/**
 * An error (BAD_USER_INPUT unless `code` says otherwise) naming every bad field at once: the message lists
 * them all, `extensions.fields` holds `{ field, message }` per field. Nothing is thrown when the list is empty.
 */
export function throwFieldProblems(
  problems: FieldProblem[],
  extra?: Record<string, unknown>,
  code: FieldProblemCode = 'BAD_USER_INPUT',
): void {
  if (!problems.length) return;
  if (problems.length === 1) throw new AppError(code, problems[0].message, { field: problems[0].field, fields: problems, ...extra });
  const join = (language: Language) => problems.map((p) => p.message[language]).join(' ');
  throw new AppError(
    code,
    { id: `Ada ${problems.length} isian yang perlu diperbaiki. ${join('id')}`, en: `${problems.length} fields need fixing. ${join('en')}` },
    { fields: problems, ...extra },
  );
}

/**
 * Collects the refusals of several field checks so the client hears of every bad field at once:
 * `run` keeps a check's BAD_USER_INPUT that names a field, or that names none when `field` is given
 * (and answers `fallback`); `done` throws them together. Checks against the database (a duplicate, a
 * position that is not there) are kept as well when `field` is given: alone they keep their code
 * (CONFLICT, NOT_FOUND), mixed with others the whole answer is BAD_USER_INPUT.
 */
export class FieldChecks {
  private readonly problems: FieldProblem[] = [];
  private readonly codes = new Set<FieldProblemCode>();

  run<T>(check: () => T, fallback: T, field?: string): T {
    try {
      return check();
    } catch (error) {
      this.keep(error, field);
      return fallback;
    }
  }

  async runAsync<T>(check: () => Promise<T>, fallback: T, field?: string): Promise<T> {
    try {
      return await check();
    } catch (error) {
      this.keep(error, field);
      return fallback;
    }
  }

  private keep(error: unknown, field: string | undefined): void {
    if (!(error instanceof AppError) || !FIELD_PROBLEM_CODES.includes(error.code)) throw error;
    const code = error.code as FieldProblemCode;
    if (Array.isArray(error.details?.fields)) {
      this.problems.push(...(error.details.fields as FieldProblem[]));
      this.codes.add(code);
    } else if (field) this.add(field, error.text, code);
    else throw error;
  }

  add(field: string, message: Message, code: FieldProblemCode = 'BAD_USER_INPUT'): void {
    this.problems.push({ field, message });
    this.codes.add(code);
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  done(): void {
    throwFieldProblems(this.problems, undefined, this.codes.size === 1 ? [...this.codes][0] : 'BAD_USER_INPUT');
  }
}

export const SERVICE_BUSY_MESSAGE: Message = {
  id: 'Layanan sedang sibuk; coba lagi dalam beberapa saat.',
  en: 'The service is busy; try again in a moment.',
};

export const serviceUnavailable = (message: Message = SERVICE_BUSY_MESSAGE): AppError => new AppError('SERVICE_UNAVAILABLE', message);

// statement_timeout or a cancel, lock_timeout, idle-in-transaction timeout, server shutting down or starting, too many connections.
const BUSY_SQLSTATES = new Set(['57014', '55P03', '25P03', '57P01', '57P02', '57P03', '53300']);
// pg-pool's acquire timeout, and connections the server or the network ended.
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|ECONNREFUSED/;

/** True when the database ran out of time or connections: the same request may well succeed a little later. */
export function isDatabaseBusy(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === 'string' && (BUSY_SQLSTATES.has(e.code) || e.code === 'ECONNREFUSED')) return true;
    if (typeof e.message === 'string' && BUSY_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
  429: 'FORBIDDEN',
  503: 'SERVICE_UNAVAILABLE',
};

export interface ClientError {
  code: ErrorCode | 'GRAPHQL_VALIDATION_FAILED';
  message: string;
  details?: Record<string, unknown>;
  /** Unexpected: log it, never show it. */
  internal: boolean;
  /** The HTTP status of a request refused before GraphQL saw it (bad JSON, a body over the limit). */
  status?: number;
}

function httpExceptionMessage(e: HttpException): string {
  const response = e.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : e.message;
}

/**
 * The SQLSTATE of a PostgreSQL error (pg's DatabaseError, or TypeORM's QueryFailedError around one), else
 * undefined. Node's own errors have codes too, but no severity.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const e = error as { driverError?: unknown } | null | undefined;
  const db = (e?.driverError ?? e) as { code?: unknown; severity?: unknown } | null | undefined;
  return typeof db?.code === 'string' && typeof db?.severity === 'string' ? db.code : undefined;
}

// Class 22 (data exception): SQL refused a value the client sent, e.g. a malformed uuid, a NUL byte or a date out of range.
const REFUSED_VALUE: Message = {
  id: 'Ada nilai yang tidak dapat diproses (misalnya id yang bukan UUID, kursor yang rusak, atau karakter NUL dalam teks). Periksa masukan Anda.',
  en: 'A value could not be processed (for example an id that is not a UUID, a damaged cursor, or a NUL character in a text). Check your input.',
};
/** Shown for any other database failure, in development too: PostgreSQL's text names tables, columns and values. */
export const DATABASE_FAILED: Message = {
  id: 'Terjadi kesalahan basis data; rinciannya tercatat di log server.',
  en: 'A database error occurred; the details are in the server log.',
};

/** What a production client sees of an unexpected error: the request id to quote, nothing of the failure. */
export const internalErrorMessage = (requestId: string | undefined): Message => ({
  id: `Terjadi kesalahan di sisi kami; sebutkan permintaan ${requestId ?? '?'} kepada helpdesk.`,
  en: `Something went wrong on our side; quote request ${requestId ?? '?'} to the helpdesk.`,
});

// Fastify's refusals of a request's body, said so a person can act on them (its own texts are for developers).
export const HTTP_REFUSALS: Readonly<Record<number, Message>> = {
  413: { id: 'Permintaan terlalu besar; kirim data yang lebih kecil.', en: 'The request is too large; send less data.' },
  415: {
    id: 'Jenis isi permintaan tidak didukung; kirim application/json.',
    en: 'The request content type is not supported; send application/json.',
  },
};

/** A database error as a client sees it: a refused value is BAD_USER_INPUT, the rest an internal error without PostgreSQL's text. */
export function classifyDatabaseError(error: unknown, language: Language = 'id'): ClientError | null {
  const state = sqlStateOf(error);
  if (!state) return null;
  if (state.startsWith('22')) return { code: 'BAD_USER_INPUT', message: REFUSED_VALUE[language], internal: false };
  return { code: 'INTERNAL_SERVER_ERROR', message: DATABASE_FAILED[language], internal: true };
}

const INPUT_COERCION = /Variable "\$|got invalid value|Expected value of type|Expected type|cannot represent/;

/** Our own error under graphql-js's wrappers (a scalar's refusal of a variable is wrapped twice), if any. */
function appErrorWithin(error: GraphQLError): AppError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof AppError) return e;
    e = (e as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** Classifies anything thrown while handling a GraphQL request; our own texts come in `language`. */
export function classifyError(error: GraphQLError, language: Language = 'id'): ClientError {
  const original = appErrorWithin(error) ?? error.originalError;
  // A scalar's refusal of a variable keeps the variable's name graphql-js gives it.
  const variable = /^Variable "(\$\w+)"/.exec(error.message)?.[1];
  if (original instanceof AppError)
    return {
      code: original.code,
      message: variable ? `${variable}: ${original.text[language]}` : original.text[language],
      details: original.details && (localize(original.details, language) as Record<string, unknown>),
      internal: false,
    };
  if (original instanceof HttpException) {
    const code = STATUS_CODES[original.getStatus()];
    if (code) return { code, message: httpExceptionMessage(original), internal: false };
  }
  // Without a path the request never reached a resolver: parsing, validation or variable coercion
  // (a scalar's or enum's refusal included) failed, and the message says what the client sent wrong.
  if (!error.path) {
    if (INPUT_COERCION.test(error.message)) return { code: 'BAD_USER_INPUT', message: error.message, internal: false };
    if (original instanceof GraphQLError) return classifyError(original, language);
    const given = error.extensions?.code;
    if (typeof given === 'string' && given !== 'INTERNAL_SERVER_ERROR' && !original)
      return { code: given as ErrorCode, message: error.message, internal: false };
    if (!original) return { code: 'GRAPHQL_VALIDATION_FAILED', message: error.message, internal: false };
  }
  if (original instanceof GraphQLError) return classifyError(original, language);
  if (!original) return { code: 'GRAPHQL_VALIDATION_FAILED', message: error.message, internal: false };
  // Fastify refused the HTTP request itself (FST_ERR_CTP_*: malformed JSON, a body over the limit).
  const status = (original as { statusCode?: unknown }).statusCode;
  if (!error.path && typeof status === 'number' && status >= 400 && status < 500)
    return {
      code: STATUS_CODES[status] ?? 'BAD_USER_INPUT',
      message: HTTP_REFUSALS[status]?.[language] ?? original.message,
      internal: false,
      status,
    };
  if (isDatabaseBusy(original)) return { code: 'SERVICE_UNAVAILABLE', message: SERVICE_BUSY_MESSAGE[language], internal: false };
  return classifyDatabaseError(original, language) ?? { code: 'INTERNAL_SERVER_ERROR', message: original.message, internal: true };
}
