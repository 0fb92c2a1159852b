import type { FastifyInstance } from 'fastify';

/**
 * Browsers can send form posts and simple GETs across sites without a preflight. GraphQL over POST
 * must therefore be JSON (which needs a CORS preflight), and GET may only read.
 */
export function registerGraphqlCsrfProtection(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== path) return;
    if (request.method === 'POST') {
      const type = String(request.headers['content-type'] ?? '').toLowerCase();
      if (!type.startsWith('application/json') && !type.startsWith('application/graphql-response+json')) {
        return reply
          .status(415)
          .send({ errors: [{ message: 'GraphQL requests must be sent as application/json.', extensions: { code: 'BAD_USER_INPUT' } }] });
      }
    } else if (request.method === 'GET') {
      const query = String((request.query as { query?: string })?.query ?? '');
      if (/^\s*(#[^\n]*\n\s*)*mutation\b/i.test(query) || /\}\s*mutation\b/i.test(query)) {
        return reply
          .status(405)
          .send({ errors: [{ message: 'Mutations must be sent with POST.', extensions: { code: 'BAD_USER_INPUT' } }] });
      }
    }
  });
}
