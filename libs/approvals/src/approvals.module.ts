import { Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarModule } from '@gesit/calendar';
import { CorrespondenceModule, LetterAccessService } from '@gesit/correspondence';
import { OrganisationModule } from '@gesit/organisation';
import { FileAccessRegistry, FilesModule } from '@gesit/files';
import { AccessPolicyService } from '@gesit/identity';
import { ApprovalAudienceModule } from './access/approval-audience.module';
import { ApprovalLoaders } from './approval-loaders.service';
import { ApprovalsResolver } from './chain/approvals.resolver';
import { ApprovalsService } from './chain/approvals.service';
import { DemoLetterTemplate } from './composition/demo-letter-template';
import { LetterComposerService } from './composition/letter-composer.service';
import { LetterTemplatesResolver } from './composition/letter-templates.resolver';
import { LetterTemplatesService } from './composition/letter-templates.service';
import { DraftsResolver } from './drafts/drafts.resolver';
import { DraftsService } from './drafts/drafts.service';
import { NumberFormatResolver } from './numbering/number-format.resolver';
import { NumberFormatService } from './numbering/number-format.service';
import { OutgoingLetterFieldsResolver } from './outgoing-letter-fields.resolver';
import { LetterSigningService } from './signing/letter-signing.service';
import { LetterPdfWorkers } from './signing/letter-pdf.workers';
import { signingProviders } from './signing/signer.provider';
import { VerificationController } from './verification/verification.controller';
import { VerificationResolver } from './verification/verification.resolver';
import { VerificationService } from './verification/verification.service';

@Module({
  imports: [CalendarModule, CorrespondenceModule, FilesModule, OrganisationModule, ApprovalAudienceModule],
  controllers: [VerificationController],
  providers: [
    ...signingProviders,
    ApprovalLoaders,
    NumberFormatService,
    DraftsService,
    LetterSigningService,
    LetterPdfWorkers,
    ApprovalsService,
    VerificationService,
    LetterTemplatesService,
    LetterComposerService,
    DemoLetterTemplate,
    ApprovalsResolver,
    LetterTemplatesResolver,
    DraftsResolver,
    OutgoingLetterFieldsResolver,
    NumberFormatResolver,
    VerificationResolver,
  ],
})
export class ApprovalsModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fileAccess: FileAccessRegistry,
    private readonly letterAccess: LetterAccessService,
    private readonly policy: AccessPolicyService,
    private readonly templates: LetterTemplatesService,
  ) {}

  onModuleInit(): void {
    // A letter's draft and preview follow the letter's access, so its reviewers and signer can read them.
    this.fileAccess.register(async (principal, file) => {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT letter_id AS id FROM outgoing_letter WHERE draft_file_id = $1 UNION SELECT letter_id FROM letter_content WHERE preview_file_id = $1`,
        [file.id],
      );
      if (!rows.length) return false;
      const readable = await this.letterAccess.readableIds(
        await this.policy.viewerIds(principal),
        rows.map((r) => r.id),
      );
      return readable.size > 0;
    });
    // The approval sheet stays with those who made the letter: the drafter and the approvers (or their Plh/Plt).
    this.fileAccess.register(async (principal, file) => {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT l.created_by_id AS id FROM approval_sheet s JOIN letter l ON l.id = s.letter_id WHERE s.file_id = $1
         UNION SELECT st.approver_id FROM approval_sheet s JOIN approval_step st ON st.letter_id = s.letter_id WHERE s.file_id = $1`,
        [file.id],
      );
      if (!rows.length) return false;
      const viewers = new Set(await this.policy.viewerIds(principal));
      return rows.some((r) => viewers.has(r.id));
    });
    // A template's logo is printed on every letter that goes out.
    this.fileAccess.register((_principal, file) => this.templates.isLogo(file.id));
  }
}
