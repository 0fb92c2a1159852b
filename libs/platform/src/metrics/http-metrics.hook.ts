import type { FastifyInstance } from 'fastify';
import { graphqlOperationName } from './graphql-operation';
import { MetricsService } from './metrics.service';

const GRAPHQL_PATH = '/graphql';

/**
 * Times every request in Fastify's onResponse hook, labelled with the route pattern (`/files/:id`,
 * never the raw URL, which would make a series per id); requests that match no route share one label.
 */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const seconds = reply.elapsedTime / 1000;
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeHttp(request.method, route, reply.statusCode, seconds);
    if (route === GRAPHQL_PATH) metrics.observeGraphql(graphqlOperationName(request), seconds);
    done();
  });
}
