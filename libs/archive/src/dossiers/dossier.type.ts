import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection, LocalDateScalar } from '@gesit/platform';
import { RecordPhase } from '../archive.enums';

@ObjectType('Dossier', { description: 'A dossier (berkas) of one unit under one classification code.' })
export class DossierType {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  periodFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  periodTo: string | null;

  @Field(() => String, { nullable: true })
  physicalLocation: string | null;

  @Field()
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => RecordPhase)
  phase: RecordPhase;

  @Field(() => LocalDateScalar, { nullable: true })
  activeUntil: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  inactiveUntil: string | null;

  @Field()
  legalHold: boolean;

  @Field({ description: 'Transferred to the national archive: nothing can be added or changed.' })
  readOnly: boolean;

  classificationCode: string;
  unitId: string;
}

export const DossierConnection = Connection(DossierType, 'Dossier');

@InputType()
export class CreateDossierInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field()
  classificationCode: string;

  @Field(() => ID, { nullable: true, description: "The unit keeping it; the caller's own unit when left out." })
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the paper lies: ruang/rak/baris/boks.' })
  physicalLocation?: string | null;
}

@InputType()
export class DossierFilter {
  @Field(() => String, { nullable: true })
  classificationCode?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => [RecordPhase], { nullable: true })
  phase?: RecordPhase[] | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}
