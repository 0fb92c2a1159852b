import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

const MAX_REMEMBERED_SUBSETS = 256;

/**
 * Columns of an entity, for a hand-written statement that reads several entities in one round trip:
 * `select` lists them as `"<alias>.<property>"`, `hydrate` turns such a row back into an entity the way
 * TypeORM does (value conversions and transformers), without the query builder's cost on a hot path.
 * `only(properties)` narrows the list to what a caller needs; its entities hold just those properties.
 */
export class EntityColumns<T extends ObjectLiteral> {
  readonly select: string;
  private readonly columns: { column: ColumnMetadata; key: string }[];
  private readonly subsets = new Map<string, EntityColumns<T>>();

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    readonly alias: string,
    private readonly metadata: EntityMetadata = dataSource.getMetadata(target),
    columns: readonly ColumnMetadata[] = metadata.columns,
  ) {
    this.columns = columns.map((column) => ({ column, key: `${alias}.${column.propertyName}` }));
    this.select = this.columns.map(({ column, key }) => `${alias}."${column.databaseName}" AS "${key}"`).join(', ');
  }

  /** The primary key and these properties, or null when one of them is not a column of the entity. */
  only(properties: Iterable<string>): EntityColumns<T> | null {
    const wanted = new Set(properties);
    for (const primary of this.metadata.primaryColumns) wanted.add(primary.propertyName);
    const key = [...wanted].sort().join(',');
    const known = this.subsets.get(key);
    if (known) return known;
    const columns = [...wanted].map((property) => this.metadata.findColumnWithPropertyName(property));
    if (columns.some((column) => !column)) return null;
    const subset = new EntityColumns<T>(this.dataSource, this.metadata.target, this.alias, this.metadata, columns as ColumnMetadata[]);
    // Selections come from clients: remember a bounded number of them.
    if (this.subsets.size < MAX_REMEMBERED_SUBSETS) this.subsets.set(key, subset);
    return subset;
  }

  hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create() as T;
    for (const { column, key } of this.columns)
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[key], column));
    return entity;
  }
}
