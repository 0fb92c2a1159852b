import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Roles } from '@gesit/platform';
import { LetterEntity } from '../letters/letter.entity';
import { LetterType } from '../letters/letter.types';
import { RegisterIncomingLetterInput } from './register-incoming-letter.input';
import { RegistrationService } from './registration.service';

@Resolver(() => LetterType)
export class RegistrationResolver {
  constructor(private readonly registration: RegistrationService) {}

  @Mutation(() => LetterType)
  @Roles('CLERK')
  registerIncomingLetter(@Args('input') input: RegisterIncomingLetterInput, @CurrentUser() principal: Principal): Promise<LetterEntity> {
    return this.registration.register(principal, input);
  }
}
