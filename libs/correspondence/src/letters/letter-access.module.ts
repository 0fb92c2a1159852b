import { Module } from '@nestjs/common';
import { LetterAccessService } from './letter-access.service';
import { LetterAudience } from './letter-audience';

/**
 * Who may read a letter: imported by every process that checks it (the API through CorrespondenceModule,
 * the worker for escalations), and by the contexts that register their part of the audience.
 */
@Module({
  providers: [LetterAudience, LetterAccessService],
  exports: [LetterAudience, LetterAccessService],
})
export class LetterAccessModule {}
