import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  classifyDatabaseError,
  ErrorCode,
  HTTP_REFUSALS,
  internalErrorMessage,
  isDatabaseBusy,
  SERVICE_BUSY_MESSAGE,
} from '../errors/errors';
import { isMessage, localize } from '../errors/message';
import { requestLanguage } from '../graphql/language';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * HTTP routes answer `{ error: { code, message } }` with a matching status. GraphQL errors are
 * handed back untouched: the GraphQL error formatter shapes them.
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly production: boolean) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const language = requestLanguage(request.headers);
    if (exception instanceof AppError) {
      const details = localize(exception.details ?? {}, language) as Record<string, unknown>;
      return reply
        .status(HTTP_STATUS[exception.code])
        .send({ error: { code: exception.code, message: exception.text[language], ...details } });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const given = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      // Our own HTTP refusals carry a Message; Nest's (an unknown route) their English text.
      const message = isMessage(given) ? given[language] : Array.isArray(given) ? given.join('; ') : String(given);
      return reply.status(status).send({ error: { code: codeForStatus(status), message } });
    }
    const database = classifyDatabaseError(exception, language);
    if (database && !database.internal) {
      return reply.status(HTTP_STATUS[database.code as ErrorCode]).send({ error: { code: database.code, message: database.message } });
    }
    const status = (exception as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const message = HTTP_REFUSALS[status]?.[language] ?? (exception as Error).message;
      return reply.status(status).send({ error: { code: codeForStatus(status), message } });
    }
    if (isDatabaseBusy(exception)) {
      this.logger.warn({ err: exception, requestId: request.id }, 'database busy');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({ error: { code: 'SERVICE_UNAVAILABLE', message: SERVICE_BUSY_MESSAGE[language] } });
    }
    this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    const message = this.production
      ? internalErrorMessage(request.id)[language]
      : (database?.message ?? String((exception as Error)?.message ?? exception));
    return reply.status(500).send({ error: { code: 'INTERNAL_SERVER_ERROR', message } });
  }
}

function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 408) return 'REQUEST_TIMEOUT';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
}
