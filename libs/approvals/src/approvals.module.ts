import { Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarModule } from '@gesit/calendar';
import { CorrespondenceModule, LetterAccessService } from '@gesit/correspondence';
import { FileAccessRegistry, FilesModule } from '@gesit/files';
import { AccessPolicyService } from '@gesit/identity';
import { ApprovalAudienceModule } from './access/approval-audience.module';
import { ApprovalLoaders } from './approval-loaders.service';
import { ApprovalsResolver } from './chain/approvals.resolver';
import { ApprovalsService } from './chain/approvals.service';
import { DraftsResolver } from './drafts/drafts.resolver';
import { DraftsService } from './drafts/drafts.service';
import { NumberFormatResolver } from './numbering/number-format.resolver';
import { NumberFormatService } from './numbering/number-format.service';
import { OutgoingLetterFieldsResolver } from './outgoing-letter-fields.resolver';
import { LetterSigningService } from './signing/letter-signing.service';
import { signerProvider } from './signing/signer.provider';
import { VerificationController } from './verification/verification.controller';
import { VerificationResolver } from './verification/verification.resolver';
import { VerificationService } from './verification/verification.service';

@Module({
  imports: [CalendarModule, CorrespondenceModule, FilesModule, ApprovalAudienceModule],
  controllers: [VerificationController],
  providers: [
    signerProvider,
    ApprovalLoaders,
    NumberFormatService,
    DraftsService,
    LetterSigningService,
    ApprovalsService,
    VerificationService,
    ApprovalsResolver,
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
  ) {}

  /** A letter's current draft follows the letter's access, so its reviewers and signer can read it. */
  onModuleInit(): void {
    this.fileAccess.register(async (principal, file) => {
      const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM letter WHERE draft_file_id = $1', [file.id]);
      if (!rows.length) return false;
      const readable = await this.letterAccess.readableIds(
        await this.policy.viewerIds(principal),
        rows.map((r) => r.id),
      );
      return readable.size > 0;
    });
  }
}
