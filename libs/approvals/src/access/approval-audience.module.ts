import { Module, OnModuleInit } from '@nestjs/common';
import { LetterAccessModule, LetterAudience, type NamedOnLetters, type People } from '@gesit/correspondence';

/**
 * Approvals' part of who is named on a letter: the approvers of its steps, and who decided one (an official's
 * Plh/Plt names the official, not themselves). Registered with correspondence's letter access in every
 * process that checks it.
 */
const onStep = (people: People): string =>
  `(${people('s.approver_id')} OR (${people('s.decided_by_id')} AND s.acting_for_id IS NULL) OR ${people('s.acting_for_id')})`;

export const namedOnApprovalSteps: NamedOnLetters = {
  on: (letter, people) => `EXISTS (SELECT 1 FROM approval_step s WHERE s.letter_id = ${letter} AND ${onStep(people)})`,
  letters: (people) => `SELECT s.letter_id FROM approval_step s WHERE ${onStep(people)}`,
};

@Module({ imports: [LetterAccessModule] })
export class ApprovalAudienceModule implements OnModuleInit {
  constructor(private readonly audience: LetterAudience) {}

  onModuleInit(): void {
    this.audience.register(namedOnApprovalSteps);
  }
}
