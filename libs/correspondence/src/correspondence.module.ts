import { Module, OnModuleInit } from '@nestjs/common';
import { CalendarModule } from '@gesit/calendar';
import { FileAccessRegistry, FilesModule } from '@gesit/files';
import { AccessPolicyService, IdentityModule } from '@gesit/identity';
import { lazyTotalCountResolver } from '@gesit/platform';
import { ClassificationModule } from './classification/classification.module';
import { AssignmentFollowUp } from './dispositions/assignment-follow-up';
import { DispositionLoaders } from './dispositions/disposition-loaders.service';
import { DispositionWriter } from './dispositions/disposition-writer';
import { DispositionAssignmentConnection } from './dispositions/disposition.types';
import { AssignmentsResolver, DispositionsResolver } from './dispositions/dispositions.resolver';
import { DispositionsService } from './dispositions/dispositions.service';
import { InboxService } from './dispositions/inbox.service';
import { LetterDispositionsResolver } from './dispositions/letter-dispositions.resolver';
import { LetterAccessModule } from './letters/letter-access.module';
import { LetterAccessService } from './letters/letter-access.service';
import { LetterJournalService } from './letters/letter-journal.service';
import { LetterLoaders } from './letters/letter-loaders.service';
import { LetterConnection } from './letters/letter.types';
import { LettersResolver } from './letters/letters.resolver';
import { LettersService } from './letters/letters.service';
import { NumberingService } from './letters/numbering.service';
import { RegistrationResolver } from './registration/registration.resolver';
import { RegistrationService } from './registration/registration.service';
import { SlaReportResolver } from './sla-report/sla-report.resolver';
import { SlaReportService } from './sla-report/sla-report.service';
import { LetterEventsResolver, LetterTimelineResolver } from './timeline/timeline.resolver';

@Module({
  imports: [CalendarModule, ClassificationModule, FilesModule, IdentityModule, LetterAccessModule],
  providers: [
    LetterJournalService,
    LetterLoaders,
    NumberingService,
    LettersService,
    RegistrationService,
    DispositionLoaders,
    DispositionWriter,
    DispositionsService,
    InboxService,
    AssignmentFollowUp,
    SlaReportService,
    LettersResolver,
    RegistrationResolver,
    LetterTimelineResolver,
    LetterDispositionsResolver,
    LetterEventsResolver,
    DispositionsResolver,
    AssignmentsResolver,
    SlaReportResolver,
    lazyTotalCountResolver(LetterConnection),
    lazyTotalCountResolver(DispositionAssignmentConnection),
  ],
  exports: [
    ClassificationModule,
    LetterAccessModule,
    LettersService,
    NumberingService,
    LetterJournalService,
    LetterLoaders,
    DispositionWriter,
    AssignmentFollowUp,
    DispositionsService,
  ],
})
export class CorrespondenceModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly letterAccess: LetterAccessService,
    private readonly policy: AccessPolicyService,
  ) {}

  /** Files attached to a letter (scans, completion reports) follow the letter's access. */
  onModuleInit(): void {
    this.fileAccess.register(async (principal, file) => {
      const effectiveUserIds = await this.policy.viewerIds(principal);
      const letterIds: string[] = await this.letterAccess.lettersHoldingFile(file.id);
      const [readable] = await this.letterAccess.readableIds(effectiveUserIds, letterIds);
      if (!readable) return false;
      // Reading a file of a letter is reading the letter: audited when it is classified and open to the caller only as Plh/Plt.
      await this.letterAccess.read(effectiveUserIds, readable);
      return true;
    });
  }
}
