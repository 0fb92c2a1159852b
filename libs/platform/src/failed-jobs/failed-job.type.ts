import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection';

@ObjectType('FailedJob', { description: 'A BullMQ job that failed after its last attempt and waits for an administrator.' })
export class FailedJobType {
  @Field({ description: 'The queue the job belongs to.' })
  queue: string;

  @Field(() => ID)
  id: string;

  @Field({ description: 'The job name, e.g. `outbox.purge`.' })
  name: string;

  @Field({ description: 'The job data as JSON, with passwords, tokens, secrets and codes replaced by "[redacted]".' })
  data: string;

  @Field(() => String, { nullable: true, description: 'The error message of the last attempt.' })
  failedReason: string | null;

  @Field(() => Int, { description: 'Attempts made so far, retries by an administrator included.' })
  attemptsMade: number;

  @Field(() => Int, { description: 'Attempts the job was configured with.' })
  attempts: number;

  @Field({ description: 'When the job was added.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the last attempt failed.' })
  finishedOn: Date | null;
}

export const FailedJobConnection = Connection(FailedJobType, 'FailedJob');
