import DataLoader from 'dataloader';
import { DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, In, type ObjectLiteral } from 'typeorm';
import { isUuid } from '../database/ids';
import { groupByKeys, Loaders, orderByKeys } from './request-context';

const entityName = (entity: EntityTarget<ObjectLiteral>): string =>
  typeof entity === 'function' ? entity.name : typeof entity === 'string' ? entity : String((entity as { name?: string }).name);

/**
 * The request's loader of `entity` rows by id (null where missing): every resolver asking for the same
 * entity shares one batch. Ids that are not uuids are answered null without a query.
 */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(
  loaders: Loaders,
  dataSource: DataSource,
  entity: EntityTarget<T>,
): DataLoader<string, T | null> {
  return loaders.get(
    `byId:${entityName(entity)}`,
    () =>
      new DataLoader(async (ids: readonly string[]) => {
        const where = { id: In(ids.filter(isUuid)) } as unknown as FindOptionsWhere<T>;
        return orderByKeys(ids, await dataSource.getRepository(entity).findBy(where), (row) => row.id);
      }),
  );
}

/** The request's loader of `entity` rows whose `column` holds the key, in `order`: one list per key. */
export function byColumnLoader<T extends ObjectLiteral, C extends keyof T & string>(
  loaders: Loaders,
  dataSource: DataSource,
  entity: EntityTarget<T>,
  column: C,
  order?: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return loaders.get(
    `by:${entityName(entity)}.${column}:${JSON.stringify(order ?? {})}`,
    () =>
      new DataLoader(async (keys: readonly string[]) => {
        const where = { [column]: In(keys.filter(isUuid)) } as unknown as FindOptionsWhere<T>;
        const rows = await dataSource.getRepository(entity).find({ where, order });
        return groupByKeys(keys, rows, (row) => row[column] as string);
      }),
  );
}
