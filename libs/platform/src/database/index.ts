export { SnakeNamingStrategy } from './snake-naming.strategy';
export { ensureDatabase } from './ensure-database';
export { buildDataSourceOptions, type EntityList } from './data-source-options';
export { inTransaction, isUniqueViolation, guardSecondConnections, refusedSecondConnections, SecondConnectionError } from './transactions';
export { EntityColumns } from './entity-columns';
export { epochMsSql } from './sql';
export { findOrNotFound } from './find-or-not-found';
export { prepareStatements } from './prepared-statements';
export { Statement } from './statement';
