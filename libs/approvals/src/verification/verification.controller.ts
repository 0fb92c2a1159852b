import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput, Public } from '@gesit/platform';
import { VerificationResult } from './document-verification.type';
import { VERIFICATION_PAGE_CSP, verificationPage } from './verification-page';
import { VerificationService } from './verification.service';

/** The QR code's target and the check of a received PDF; both open to anyone, without signing in. */
@Controller('verify')
@Public()
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get(':code')
  async page(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.verification.limit(request.ip);
    const verification = await this.verification.byCode(code);
    await sendPage(reply, verification.result.result === VerificationResult.UNKNOWN ? 404 : 200, verificationPage(verification, 'code'));
  }

  /**
   * multipart/form-data with the PDF in a field named `file`. Answers JSON, or the page again when the
   * upload form of the page sent it (a browser that asks for HTML).
   */
  @Post()
  @HttpCode(200)
  async file(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.verification.limit(request.ip);
    const part = request.isMultipart() ? await request.file() : undefined;
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw badInput({
        id: "Kirim berkas PDF sebagai multipart/form-data dalam kolom bernama 'file'.",
        en: "Send the PDF file as multipart/form-data in a field named 'file'.",
      });
    }
    const verification = await this.verification.byFile(part.file);
    if (part.file.truncated)
      throw badInput({
        id: 'Berkas lebih besar dari batas unggah, jadi tidak mungkin surat yang ditandatangani Gesit.',
        en: 'The file is larger than the upload limit, so it cannot be a letter Gesit signed.',
      });
    if ((request.headers.accept ?? '').includes('text/html')) await sendPage(reply, 200, verificationPage(verification, 'file'));
    else await reply.status(200).header('cache-control', 'no-store').send(verification.result);
  }
}

function sendPage(reply: FastifyReply, status: number, html: string): Promise<void> {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', VERIFICATION_PAGE_CSP)
    .send(html) as unknown as Promise<void>;
}
