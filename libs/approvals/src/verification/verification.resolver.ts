import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { type GraphqlContext, Public } from '@gesit/platform';
import { DocumentVerificationType } from './document-verification.type';
import { VerificationService } from './verification.service';

@Resolver(() => DocumentVerificationType)
export class VerificationResolver {
  constructor(private readonly verification: VerificationService) {}

  @Query(() => DocumentVerificationType, {
    description: 'Public: no login needed. The code is the one printed under the QR on the signed PDF. Limited per network address.',
  })
  @Public()
  async verifyDocument(@Args('code') code: string, @Context() ctx: GraphqlContext): Promise<DocumentVerificationType> {
    await this.verification.limit((ctx.req as unknown as { ip?: string }).ip);
    return (await this.verification.byCode(code)).result;
  }
}
