import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AllowDuringMfaEnrolment, CurrentUser, type Principal } from '@gesit/platform';
import { MfaService } from './mfa.service';
import { TotpConfirmationType, TotpEnrollmentType } from './totp-enrollment.type';

@Resolver()
@AllowDuringMfaEnrolment()
export class MfaResolver {
  constructor(private readonly mfa: MfaService) {}

  @Mutation(() => TotpEnrollmentType, { description: 'Starts TOTP enrolment: scan otpauthUrl, then confirm a code.' })
  beginTotpEnrollment(@CurrentUser() caller: Principal): Promise<TotpEnrollmentType> {
    return this.mfa.begin(caller.userId);
  }

  @Mutation(() => TotpConfirmationType, { description: 'Turns two-factor sign-in on; sign in again afterwards.' })
  async confirmTotpEnrollment(@CurrentUser() caller: Principal, @Args('code') code: string): Promise<TotpConfirmationType> {
    return { recoveryCodes: await this.mfa.confirm(caller.userId, code) };
  }
}
