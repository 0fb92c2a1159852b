import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { DependencyHealth } from './dependency.health';

/**
 * `/health/live`: the process answers (restart it when not). `/health/ready`: it can serve, because
 * PostgreSQL, Redis and object storage answer (send it no traffic when not: 503 naming the dependency
 * that failed).
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyHealth,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.dependencies.readinessChecks());
    } catch (error) {
      // Terminus reports a failed check as a 503 exception carrying the result; answer that result
      // rather than let the error filter reduce it to a message.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
