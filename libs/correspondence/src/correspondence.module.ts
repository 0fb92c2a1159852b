import { Module, OnModuleInit } from '@nestjs/common';
import { CalendarModule } from '@gesit/calendar';
import { FileAccessRegistry, FilesModule } from '@gesit/files';
import { AccessPolicyService, IdentityModule } from '@gesit/identity';
import { lazyTotalCountResolver } from '@gesit/platform';
import { LetterAccessService } from './access/letter-access.service';
import { ClassificationModule } from './classification/classification.module';
import { AssignmentsResolver, DispositionsResolver } from './dispositions/dispositions.resolver';
import { AssignmentFollowUp } from './dispositions/assignment-follow-up';
import { DispositionsService } from './dispositions/dispositions.service';
import { InboxService } from './dispositions/inbox.service';
import { LetterJournalService } from './letters/letter-journal.service';
import { LetterLoaders } from './letters/letter-loaders.service';
import { LetterEventsResolver, LettersResolver } from './letters/letters.resolver';
import { LettersService } from './letters/letters.service';
import { DispositionAssignmentConnection, LetterConnection } from './letters/letter.types';
import { NumberingService } from './letters/numbering.service';
import { SlaReportResolver } from './sla-report/sla-report.resolver';
import { SlaReportService } from './sla-report/sla-report.service';

@Module({
  imports: [CalendarModule, ClassificationModule, FilesModule, IdentityModule],
  providers: [
    LetterAccessService,
    LetterJournalService,
    LetterLoaders,
    NumberingService,
    LettersService,
    DispositionsService,
    InboxService,
    AssignmentFollowUp,
    SlaReportService,
    LettersResolver,
    SlaReportResolver,
    LetterEventsResolver,
    DispositionsResolver,
    AssignmentsResolver,
    lazyTotalCountResolver(LetterConnection),
    lazyTotalCountResolver(DispositionAssignmentConnection),
  ],
  exports: [
    ClassificationModule,
    LetterAccessService,
    LettersService,
    NumberingService,
    LetterJournalService,
    LetterLoaders,
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
