import { Field, ID, InputType } from '@nestjs/graphql';
import { SlaState, Urgency } from '@gesit/calendar';
import { AssignmentStatus } from './disposition.enums';

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
