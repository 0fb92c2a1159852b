import { Args, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Roles } from '@gesit/platform';
import { NumberFormatService } from './number-format.service';
import { OutgoingNumberFormatEntity } from './outgoing-number-format.entity';

@ObjectType('OutgoingNumberFormat')
export class OutgoingNumberFormatType {
  @Field(() => ID)
  unitId: string;

  @Field({ description: 'e.g. {security}-{seq:4}/{unitCode}/{classification}/{monthRoman}/{year}' })
  format: string;

  @Field()
  updatedAt: Date;
}

@Resolver(() => OutgoingNumberFormatType)
@Roles('ADMIN')
export class NumberFormatResolver {
  constructor(private readonly formats: NumberFormatService) {}

  @Mutation(() => OutgoingNumberFormatType, {
    description:
      'Sets how outgoing letters of a unit (and of its sub-units without their own) are numbered. Placeholders: {seq} or {seq:4}, {unitCode} (drafting unit), {signerUnitCode} (the signing official’s unit, the default), {year}, {month}, {monthRoman}, {classification}, {security}.',
  })
  setOutgoingNumberFormat(
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('format') format: string,
    @CurrentUser() principal: Principal,
  ): Promise<OutgoingNumberFormatEntity> {
    return this.formats.set(principal, unitId, format);
  }
}
