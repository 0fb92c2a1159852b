import { thrownText } from '../testing';
import { AppError } from '../errors/errors';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './connection';

describe('connections', () => {
  it('round-trips a cursor', () => {
    const cursor = encodeCursor(['2026-11-27T01:00:00.000Z', 'abc']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-27T01:00:00.000Z', 'abc']);
  });

  it.each(['nonsense', encodeCursor(['one']), Buffer.from('{"a":1}').toString('base64url')])('refuses a foreign cursor %s', (cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(AppError);
  });

  it.each([
    [undefined, 20],
    [1, 1],
    [100, 100],
  ])('page size %s -> %s', (first, size) => {
    expect(pageSize(first)).toBe(size);
  });

  it.each([0, 101, 2.5, -1])('refuses page size %s', (first) => {
    expect(thrownText(() => pageSize(first))).toMatch('first must be between 1 and 100.');
  });

  it('says there is a next page only when the extra row came back', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const full = toConnection(rows, 2, 3, (r) => [r.id]);
    expect(full.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(full.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']) });
    const last = toConnection(rows.slice(2), 2, 3, (r) => [r.id]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 2, 0, (r: { id: string }) => [r.id]).pageInfo.endCursor).toBeNull();
  });
});
