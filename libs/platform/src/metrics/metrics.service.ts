import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { QueueRegistry } from '../queue/queue.registry';
import { registerQueueMetrics } from './queue.metrics';

export interface MetricsOptions {
  /** Queues to report besides those this process has used: the API produces to few of them itself. */
  queues?: string[];
}

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

// Client-chosen operation names become label values; past this many distinct ones they count as `other`.
const MAX_OPERATION_NAMES = 200;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The Prometheus registry of one process: Node.js process metrics, HTTP and GraphQL latency, queues. */
@Injectable()
export class MetricsService {
  // A registry per application rather than prom-client's global one, so two apps in one process (tests) do not collide.
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly httpDuration = new Histogram({
    name: 'gesit_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'gesit_graphql_operation_duration_seconds',
    help: 'GraphQL requests by operation name, from arrival to the last byte of the answer',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(queues: QueueRegistry, @Inject(METRICS_OPTIONS) options: MetricsOptions) {
    collectDefaultMetrics({ register: this.registry });
    const known = options.queues ?? [];
    registerQueueMetrics(this.registry, () => [...new Set([...known, ...queues.names()])].map((name) => queues.get(name)));
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  observeGraphql(operation: string, seconds: number): void {
    if (!this.operationNames.has(operation)) {
      if (this.operationNames.size >= MAX_OPERATION_NAMES) operation = 'other';
      else this.operationNames.add(operation);
    }
    this.graphqlDuration.observe({ operation }, seconds);
  }

  /** The exposition text for a scrape. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
