export { OrganisationModule } from './organisation.module';
export { UnitEntity } from './units/unit.entity';
export { UnitType } from './units/unit.type';
export { UnitsService } from './units/units.service';
export { INDONESIAN_TIME_ZONES, DEFAULT_TIME_ZONE, zoneAbbreviation, requireName, type IndonesianTimeZone } from './units/unit-rules';
export { PositionEntity } from './positions/position.entity';
export { PositionType } from './positions/position.type';
export { PositionsService } from './positions/positions.service';
