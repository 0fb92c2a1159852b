import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection, LocalDateScalar } from '@gesit/platform';
import { RecordPhase } from '../archive.enums';
import { ArchiveRecordEntity } from '../records/archive-record.entity';
import { ArchiveRecordType } from '../records/archive-record.type';

@ObjectType('ArchiveSearchHit')
export class ArchiveSearchHitType {
  @Field(() => ArchiveRecordType)
  record: ArchiveRecordEntity;

  @Field(() => Float)
  score: number;

  @Field(() => String, { nullable: true, description: 'Matched text with the hits wrapped in <mark></mark>.' })
  highlight: string | null;
}

export const ArchiveSearchConnection = Connection(ArchiveSearchHitType, 'ArchiveSearch');

@InputType()
export class ArchiveFilter {
  @Field(() => String, { nullable: true, description: 'This code and the codes below it.' })
  classificationCode?: string | null;

  @Field(() => ID, { nullable: true })
  dossierId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => [RecordPhase], { nullable: true })
  phase?: RecordPhase[] | null;

  @Field(() => LocalDateScalar, { nullable: true })
  documentDateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  documentDateTo?: string | null;
}
