import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/** An error a person can act on; its code reaches the client as `extensions.code`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>): AppError => new AppError('BAD_USER_INPUT', message, details);
export const unauthenticated = (message = 'Please sign in first.'): AppError => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.'): AppError => new AppError('FORBIDDEN', message);
export const notFound = (what: string, id?: string): AppError =>
  new AppError('NOT_FOUND', id ? `${what} ${id} was not found.` : `${what} was not found.`);
export const conflict = (message: string, details?: Record<string, unknown>): AppError => new AppError('CONFLICT', message, details);

export const SERVICE_BUSY_MESSAGE = 'Layanan sedang sibuk; coba lagi dalam beberapa saat.';

export const serviceUnavailable = (message = SERVICE_BUSY_MESSAGE): AppError => new AppError('SERVICE_UNAVAILABLE', message);

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
const REFUSED_VALUE =
  'Ada nilai yang tidak dapat diproses (misalnya id yang bukan UUID, kursor yang rusak, atau karakter NUL dalam teks). Periksa masukan Anda.';
/** Shown for any other database failure, in development too: PostgreSQL's text names tables, columns and values. */
export const DATABASE_FAILED = 'Terjadi kesalahan basis data; rinciannya tercatat di log server.';

/** A database error as a client sees it: a refused value is BAD_USER_INPUT, the rest an internal error without PostgreSQL's text. */
export function classifyDatabaseError(error: unknown): ClientError | null {
  const state = sqlStateOf(error);
  if (!state) return null;
  if (state.startsWith('22')) return { code: 'BAD_USER_INPUT', message: REFUSED_VALUE, internal: false };
  return { code: 'INTERNAL_SERVER_ERROR', message: DATABASE_FAILED, internal: true };
}

const INPUT_COERCION = /Variable "\$|got invalid value|Expected value of type|Expected type|cannot represent/;

/** Classifies anything thrown while handling a GraphQL request. */
export function classifyError(error: GraphQLError): ClientError {
  const original = error.originalError;
  if (original instanceof AppError) return { code: original.code, message: original.message, details: original.details, internal: false };
  if (original instanceof HttpException) {
    const code = STATUS_CODES[original.getStatus()];
    if (code) return { code, message: httpExceptionMessage(original), internal: false };
  }
  // Without a path the request never reached a resolver: parsing, validation or variable coercion
  // (a scalar's or enum's refusal included) failed, and the message says what the client sent wrong.
  if (!error.path) {
    if (INPUT_COERCION.test(error.message)) return { code: 'BAD_USER_INPUT', message: error.message, internal: false };
    if (original instanceof GraphQLError) return classifyError(original);
    const given = error.extensions?.code;
    if (typeof given === 'string' && given !== 'INTERNAL_SERVER_ERROR' && !original)
      return { code: given as ErrorCode, message: error.message, internal: false };
    if (!original) return { code: 'GRAPHQL_VALIDATION_FAILED', message: error.message, internal: false };
  }
  if (original instanceof GraphQLError) return classifyError(original);
  if (!original) return { code: 'GRAPHQL_VALIDATION_FAILED', message: error.message, internal: false };
  // Fastify refused the HTTP request itself (FST_ERR_CTP_*: malformed JSON, a body over the limit).
  const status = (original as { statusCode?: unknown }).statusCode;
  if (!error.path && typeof status === 'number' && status >= 400 && status < 500)
    return { code: STATUS_CODES[status] ?? 'BAD_USER_INPUT', message: original.message, internal: false, status };
  if (isDatabaseBusy(original)) return { code: 'SERVICE_UNAVAILABLE', message: SERVICE_BUSY_MESSAGE, internal: false };
  return classifyDatabaseError(original) ?? { code: 'INTERNAL_SERVER_ERROR', message: original.message, internal: true };
}
