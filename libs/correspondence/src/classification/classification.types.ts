import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FinalDisposition } from './classification-code.entity';

registerEnumType(FinalDisposition, { name: 'FinalDisposition' });

@ObjectType('ClassificationCode', {
  description: "A code of the organisation's archive classification scheme, with its retention schedule (JRA).",
})
export class ClassificationCodeType {
  @Field()
  code: string;

  @Field()
  name: string;

  parentCode: string | null;

  @Field(() => Int)
  activeYears: number;

  @Field(() => Int)
  inactiveYears: number;

  @Field(() => FinalDisposition)
  finalDisposition: FinalDisposition;
}

@InputType()
export class ClassificationCodeInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'The parent code; null for a top-level group.' })
  parentCode?: string | null;

  @Field(() => Int)
  activeYears: number;

  @Field(() => Int)
  inactiveYears: number;

  @Field(() => FinalDisposition)
  finalDisposition: FinalDisposition;
}
