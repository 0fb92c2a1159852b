import { DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { METRICS_OPTIONS, MetricsOptions, MetricsService } from './metrics.service';

/** `/metrics`; the HTTP timing hook is registered on Fastify in the API's bootstrap. */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [MetricsService, { provide: METRICS_OPTIONS, useValue: options }],
      exports: [MetricsService],
    };
  }
}
