import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateUnitInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Asia/Jakarta, Asia/Makassar or Asia/Jayapura; defaults to the parent unit's zone, else Asia/Jakarta.",
  })
  timezone?: string | null;
}
