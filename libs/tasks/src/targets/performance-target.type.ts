import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PerformanceTarget', { description: 'Rencana hasil kerja: a result the person committed to in their SKP for the year.' })
export class PerformanceTargetType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field()
  title: string;

  @Field({ description: "Indicator with its target, e.g. '12 laporan evaluasi SPBE'." })
  indicator: string;

  @Field(() => Int, { nullable: true })
  targetQuantity: number | null;

  @Field(() => String, { nullable: true })
  unitOfMeasure: string | null;
}

@InputType()
export class PerformanceTargetInput {
  @Field(() => Int)
  year: number;

  @Field()
  title: string;

  @Field()
  indicator: string;

  @Field(() => Int, { nullable: true })
  targetQuantity?: number | null;

  @Field(() => String, { nullable: true })
  unitOfMeasure?: string | null;
}
