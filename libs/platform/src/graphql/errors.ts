import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

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
  return classifyDatabaseError(original) ?? { code: 'INTERNAL_SERVER_ERROR', message: original.message, internal: true };
}
