import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Every column of an entity, for a hand-written statement that reads several entities in one round trip:
 * `select` lists them as `"<alias>.<property>"`, `hydrate` turns such a row back into an entity the way
 * TypeORM does (value conversions and transformers), without the query builder's cost on a hot path.
 */
export class EntityColumns<T extends ObjectLiteral> {
  readonly select: string;
  private readonly metadata: EntityMetadata;
  private readonly columns: { column: ColumnMetadata; key: string }[];

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    readonly alias: string,
  ) {
    this.metadata = dataSource.getMetadata(target);
    this.columns = this.metadata.columns.map((column) => ({ column, key: `${alias}.${column.propertyName}` }));
    this.select = this.columns.map(({ column, key }) => `${alias}."${column.databaseName}" AS "${key}"`).join(', ');
  }

  hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create() as T;
    for (const { column, key } of this.columns)
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[key], column));
    return entity;
  }
}
