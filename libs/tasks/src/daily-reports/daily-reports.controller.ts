import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition, badInput, CurrentUser, Principal } from '@gesit/platform';
import { DailyReportExportService } from './daily-report-export.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@Controller('reports')
export class DailyReportsController {
  constructor(private readonly exports: DailyReportExportService) {}

  /**
   * Daily reports for re-entry into the national e-Kinerja: of `userId` (the caller or someone below them), or
   * without it of everyone the caller may see (themselves and the people below them, also as Plh/Plt).
   */
  @Get('daily.csv')
  async daily(
    @Query('from') from: string,
    @Query('to') to: string,
    @Query('userId') userId: string | undefined,
    @CurrentUser() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!DATE.test(value ?? '') || Number.isNaN(Date.parse(value)))
        throw badInput(
          { id: `Parameter ${name} harus tanggal seperti 2026-11-01.`, en: `The parameter ${name} must be a date like 2026-11-01.` },
          { field: name },
        );
    }
    const { csv, filename } = await this.exports.csv(principal, userId || null, from, to);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachmentDisposition(filename))
      .header('cache-control', 'private, no-store')
      .send(csv);
  }
}
