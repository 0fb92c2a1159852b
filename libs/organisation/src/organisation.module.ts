import { Module } from '@nestjs/common';
import { PositionsResolver } from './positions/positions.resolver';
import { PositionsService } from './positions/positions.service';
import { UnitPositionsResolver } from './positions/unit-positions.resolver';
import { UnitsResolver } from './units/units.resolver';
import { UnitsService } from './units/units.service';

/** Units and positions: the organisation every user works in. */
@Module({
  providers: [UnitsService, PositionsService, UnitsResolver, PositionsResolver, UnitPositionsResolver],
  exports: [UnitsService, PositionsService],
})
export class OrganisationModule {}
