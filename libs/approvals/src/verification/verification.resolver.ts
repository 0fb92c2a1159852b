import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@gesit/platform';
import { DocumentVerificationType } from './document-verification.type';
import { VerificationService } from './verification.service';

@Resolver(() => DocumentVerificationType)
export class VerificationResolver {
  constructor(private readonly verification: VerificationService) {}

  @Query(() => DocumentVerificationType, {
    description: 'Public: no login needed. The code is the one printed under the QR on the signed PDF.',
  })
  @Public()
  async verifyDocument(@Args('code') code: string): Promise<DocumentVerificationType> {
    return (await this.verification.byCode(code)).result;
  }
}
