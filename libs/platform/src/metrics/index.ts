export { MetricsModule } from './metrics.module';
export { MetricsService, type MetricsOptions } from './metrics.service';
export { registerHttpMetrics } from './http-metrics.hook';
