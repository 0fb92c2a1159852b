import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PaperSize } from './letter-template.entity';

registerEnumType(PaperSize, { name: 'PaperSize', valuesMap: { F4: { description: '215 x 330 mm, common in Indonesian offices' } } });

@ObjectType('LetterTemplate')
export class LetterTemplateType {
  @Field(() => ID)
  id: string;

  unitId: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'Letterhead lines, top to bottom: government, agency, address and contacts.' })
  letterheadLines: string[];

  logoFileId: string | null;

  @Field({ description: 'Place written before the date of signing, e.g. Sleman.' })
  place: string;

  @Field(() => PaperSize)
  paperSize: PaperSize;
}

@ObjectType('LetterContent')
export class LetterContentType {
  @Field(() => String, { nullable: true })
  attachmentsNote: string | null;

  @Field()
  addressee: string;

  @Field(() => String, { nullable: true })
  addresseePlace: string | null;

  @Field({ description: "Paragraphs separated by a blank line; lines starting with '1.' or '-' are lists; **bold** and _italic_." })
  body: string;

  @Field(() => [String])
  carbonCopies: string[];
}

@InputType()
export class LetterContentInput {
  @Field(() => ID)
  templateId: string;

  @Field(() => String, { nullable: true, description: "Lampiran, e.g. '1 (satu) berkas'; '-' when left out." })
  attachmentsNote?: string | null;

  @Field()
  addressee: string;

  @Field(() => String, { nullable: true })
  addresseePlace?: string | null;

  @Field()
  body: string;

  @Field(() => [String], { nullable: true })
  carbonCopies?: string[] | null;
}

@InputType()
export class LetterTemplateInput {
  @Field(() => ID)
  unitId: string;

  @Field()
  name: string;

  @Field(() => [String])
  letterheadLines: string[];

  @Field(() => ID, { nullable: true, description: 'A PNG or JPEG uploaded with POST /files.' })
  logoFileId?: string | null;

  @Field()
  place: string;

  @Field(() => PaperSize, { nullable: true, description: 'A4 when left out.' })
  paperSize?: PaperSize | null;
}
