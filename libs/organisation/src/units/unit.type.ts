import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Unit')
export class UnitType {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field({ description: 'IANA zone of the office: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).' })
  timezone: string;

  parentId: string | null;
}
