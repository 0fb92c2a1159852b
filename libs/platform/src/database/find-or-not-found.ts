import type { EntityManager, EntityTarget, FindOneOptions, ObjectLiteral } from 'typeorm';
import { notFound } from '../errors/errors';
import type { Message } from '../errors/message';
import { isUuid } from './ids';

/**
 * The row of `entity` with this id, or NOT_FOUND naming `what`: an id that is not a uuid cannot name a row,
 * so it is NOT_FOUND too rather than a database error. `lock` takes the row for update inside a transaction.
 */
export async function findOrNotFound<T extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: Message,
  options: { lock?: boolean } = {},
): Promise<T> {
  const where = { id } as FindOneOptions<T>['where'];
  const row = isUuid(id)
    ? await em.findOne(entity, { where, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
    : null;
  if (!row) throw notFound(what);
  return row;
}
