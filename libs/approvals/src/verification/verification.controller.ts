import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput, Public } from '@gesit/platform';
import type { DocumentVerificationType } from './document-verification.type';
import { verificationPage } from './verification-page';
import { VerificationService } from './verification.service';

/** The QR code's target and the check of a received PDF; both open to anyone, without signing in. */
@Controller('verify')
@Public()
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get(':code')
  async page(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.verification.limit(request.ip);
    const { result, timeZone } = await this.verification.byCode(code);
    await reply
      .status(result.valid ? 200 : 404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(verificationPage(result, timeZone));
  }

  /** multipart/form-data with the PDF in a field named `file`. */
  @Post()
  @HttpCode(200)
  async file(@Req() request: FastifyRequest): Promise<DocumentVerificationType> {
    await this.verification.limit(request.ip);
    const part = request.isMultipart() ? await request.file() : undefined;
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw badInput("Send the PDF as multipart/form-data in a field named 'file'.");
    }
    const { result } = await this.verification.byFile(part.file);
    if (part.file.truncated) throw badInput('The file is larger than the upload limit, so it cannot be a letter Gesit signed.');
    return result;
  }
}
