import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { SlaState, Urgency } from '@gesit/calendar';
import { Connection, LocalDateScalar } from '@gesit/platform';
import { AssignmentStatus, DispositionInstruction, LetterDirection, LetterKind, LetterStatus, SecurityLevel } from './letter.enums';

@ObjectType('Letter')
export class LetterType {
  @Field(() => ID)
  id: string;

  @Field(() => LetterDirection)
  direction: LetterDirection;

  @Field(() => LetterKind)
  kind: LetterKind;

  @Field(() => LetterStatus)
  status: LetterStatus;

  @Field(() => String, { nullable: true })
  number: string | null;

  @Field(() => String, { nullable: true })
  agendaNumber: string | null;

  @Field()
  subject: string;

  @Field(() => LocalDateScalar, { nullable: true })
  letterDate: string | null;

  @Field(() => String, { nullable: true })
  senderName: string | null;

  @Field()
  classificationCode: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  createdById: string;
  unitId: string;
  createdAt: Date;
}

@ObjectType('LetterEvent')
export class LetterEventType {
  @Field()
  at: Date;

  actorId: string | null;
  actingForId: string | null;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  letterId: string;
  details: Record<string, unknown> | null;
}

@ObjectType('Disposition')
export class DispositionType {
  @Field(() => ID)
  id: string;

  letterId: string;
  senderId: string;
  actingForId: string | null;
  parentAssignmentId: string | null;

  @Field(() => [DispositionInstruction])
  instructions: DispositionInstruction[];

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  dueAt: Date;

  @Field({ description: "The sender's assignment completes by itself once every assignment of this disposition is completed." })
  closeWhenDone: boolean;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the sender withdrew it before anyone read it.' })
  withdrawnAt: Date | null;
}

@ObjectType('DispositionAssignment')
export class DispositionAssignmentType {
  @Field(() => ID)
  id: string;

  dispositionId: string;
  letterId: string;
  assigneeId: string;
  dueSoonAt: Date | null;
  createdAt: Date;

  @Field(() => AssignmentStatus)
  status: AssignmentStatus;

  @Field()
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => String, { nullable: true })
  completionNote: string | null;
}

export const LetterConnection = Connection(LetterType, 'Letter');
export const DispositionAssignmentConnection = Connection(DispositionAssignmentType, 'DispositionAssignment');

@InputType()
export class RegisterIncomingLetterInput {
  @Field(() => LetterKind)
  kind: LetterKind;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  letterDate: string;

  @Field()
  subject: string;

  @Field()
  senderName: string;

  @Field()
  classificationCode: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => [ID])
  fileIds: string[];

  @Field(() => [ID], { description: 'The officials the letter is addressed to; each gets the first disposition assignment.' })
  addresseeIds: string[];

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  receivedAt?: Date | null;
}

@InputType()
export class DisposeInput {
  @Field(() => ID)
  letterId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The caller's own assignment that this disposition forwards; null only for an addressee's first disposition.",
  })
  parentAssignmentId?: string | null;

  @Field(() => [ID])
  assigneeIds: string[];

  @Field(() => [DispositionInstruction])
  instructions: DispositionInstruction[];

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "Defaults from the SLA policy for the letter's urgency; never later than the parent assignment's dueAt.",
  })
  dueAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Complete your own assignment by itself once everyone you dispose to has completed theirs (default: you confirm it).',
  })
  closeWhenDone?: boolean | null;
}

@InputType()
export class CompleteAssignmentInput {
  @Field(() => ID)
  assignmentId: string;

  @Field()
  note: string;

  @Field(() => [ID], { nullable: true })
  fileIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Complete even though dispositions forwarded from this assignment are still open.' })
  evenIfForwardedOpen?: boolean | null;
}

@InputType()
export class InboxFilter {
  @Field(() => [AssignmentStatus], { nullable: true })
  status?: AssignmentStatus[] | null;

  @Field(() => [SlaState], { nullable: true })
  slaState?: SlaState[] | null;

  @Field(() => [Urgency], { nullable: true })
  urgency?: Urgency[] | null;

  @Field(() => String, { nullable: true, description: 'Matches subject, letter number, agenda number and sender.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Read the inbox of an official whose active Plh/Plt delegation the caller holds.' })
  actingForUserId?: string | null;
}

@InputType()
export class LetterFilter {
  @Field(() => LetterDirection, { nullable: true })
  direction?: LetterDirection | null;

  @Field(() => [LetterStatus], { nullable: true })
  status?: LetterStatus[] | null;

  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => Date, { nullable: true })
  receivedFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  receivedTo?: Date | null;
}
