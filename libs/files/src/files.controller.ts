import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentDisposition, CurrentUser, Principal, Public } from '@gesit/platform';
import { FilesService, malformedUpload, UploadedFile } from './files.service';

@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** multipart/form-data with one field `file`; answers what was stored. */
  @Post()
  @HttpCode(201)
  async upload(@Req() request: FastifyRequest, @CurrentUser() principal: Principal): Promise<UploadedFile> {
    if (!request.isMultipart()) {
      return this.files.upload(principal, undefined);
    }
    let part;
    try {
      part = await request.file();
    } catch (error) {
      // A wrong content type is already a 4xx of the multipart plugin; a broken body is a bare parser error.
      if ((error as { statusCode?: number }).statusCode) throw error;
      throw malformedUpload();
    }
    return this.files.upload(principal, part);
  }

  /** The target of a signed download link (disk storage); the signature is the credential, like an S3 presigned URL. */
  @Public()
  @Get(':id/content')
  async content(
    @Param('id') id: string,
    @Query('expires') expires: string,
    @Query('sig') signature: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { file, stream } = await this.files.openSigned(id, expires, signature);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', attachmentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(stream);
  }
}
