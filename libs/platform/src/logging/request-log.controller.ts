import { LogController } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { redactUrlSecrets } from './log-redaction';

// Probes and scrapes arrive every few seconds; they are logged only when they fail (or at debug level).
const ROUTINE_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * Fastify's request log lines, reshaped: one line per finished request (instead of an "incoming" and a
 * "completed" line) with what an operator searches by: request id, route pattern, status, duration,
 * client address, headers (secrets redacted by the logger).
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  // The completed line already says 404.
  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const route = request.routeOptions.url;
    const level = error || status >= 500 ? 'error' : status < 400 && route && ROUTINE_ROUTES.has(route) ? 'debug' : 'info';
    // Fastify's logger type does not show it, but the logger is ours (createRootLogger).
    const log = request.log as Logger;
    if (!log.isLevelEnabled(level)) return;
    // Not under `req`/`res`: Fastify's serializers for those keys would cut the object down to method and url.
    log[level](
      {
        request: {
          method: request.method,
          url: redactUrlSecrets(request.url),
          route,
          remoteAddress: request.ip,
          headers: request.headers.referer ? { ...request.headers, referer: redactUrlSecrets(request.headers.referer) } : request.headers,
        },
        response: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
        ...(error ? { err: error } : {}),
      },
      error ? 'request errored' : 'request completed',
    );
  }
}

/** Answers every request with its id (from `x-request-id` or generated, see bootstrap), so a caller can quote it. */
export function echoRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
}
