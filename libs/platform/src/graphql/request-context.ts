import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';

/** DataLoaders of one request: batching never crosses requests, so never crosses users. */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface GraphqlRequest {
  id?: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal | null;
}

export interface GraphqlContext {
  req: GraphqlRequest;
  loaders: Loaders;
}

/** Rows for `keys` in the order of `keys` (what DataLoader expects), null where missing. */
export function orderByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Rows grouped under each of `keys`, in the order of `keys`. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
