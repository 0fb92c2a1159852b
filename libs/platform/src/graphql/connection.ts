import { Type } from '@nestjs/common';
import { Field, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput } from '../errors/errors';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or a count run only when a client asks for totalCount (see lazyTotalCountResolver). */
  totalCount: number | (() => Promise<number>);
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type (Relay style). */
export function Connection<T>(node: Type<T>, name: string = node.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput({ id: `first harus antara 1 dan ${MAX_PAGE_SIZE}.`, en: `first must be between 1 and ${MAX_PAGE_SIZE}.` });
  return first;
}

/** Cursors are opaque to clients: base64url of the keyset values of the last row. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number)[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput({
    id: 'Kursor pada "after" bukan kursor dari server ini; mulai lagi tanpa kursor itu.',
    en: 'The cursor in "after" is not one this server gave out; start again without it.',
  });
}

/**
 * An edge whose cursor is encoded when read: most clients ask for the nodes only, or for `pageInfo.endCursor`,
 * and encoding one cursor per row (JSON and base64url) was a share of a page's CPU that nobody read.
 */
class LazyEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => (string | number)[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.node));
  }
}

/** Builds a connection from rows fetched with LIMIT first + 1 (the extra row only says there is a next page). */
export function toConnection<T>(
  rows: T[],
  first: number,
  totalCount: ConnectionShape<T>['totalCount'],
  cursorOf: (row: T) => (string | number)[],
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges: Edge<T>[] = page.map((node) => new LazyEdge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      get endCursor() {
        return edges.length ? edges[edges.length - 1].cursor : null;
      },
    },
    totalCount,
  };
}

/**
 * SQL rendering a timestamptz column with its full microseconds, for keyset cursors: a JavaScript Date
 * keeps milliseconds only, and a truncated cursor would skip rows created within the same millisecond.
 */
export const MICROSECOND_CURSOR = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A resolver for `totalCount` of a connection type whose count is passed as a function: the count query
 * then runs only when the client asks for it (a page alone does not need it, and it can cost more than
 * the page). Register the returned class as a provider.
 */
export function lazyTotalCountResolver(connection: Type<ConnectionShape<unknown>>): Type<unknown> {
  @Resolver(() => connection)
  class LazyTotalCountResolver {
    @ResolveField(() => Int)
    totalCount(@Parent() parent: ConnectionShape<unknown>): number | Promise<number> {
      return typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount;
    }
  }
  Object.defineProperty(LazyTotalCountResolver, 'name', { value: `${connection.name}TotalCountResolver` });
  return LazyTotalCountResolver;
}
