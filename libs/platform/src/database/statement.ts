/**
 * One SQL statement assembled from the writes of several services, each a CTE. A change spanning them is then
 * one round trip and, run outside a transaction, atomic by itself (PostgreSQL commits a lone statement whole).
 *
 * Writes that must not happen unless a condition holds read it from a CTE of one boolean column `ok` that
 * yields a row only then (`when`): each write selects from it, so nothing is written without that row, and
 * whatever locks producing the row takes are taken before any write that depends on it.
 */
export class Statement {
  readonly values: unknown[] = [];
  private readonly ctes: string[] = [];

  /** The placeholder of a new parameter, with an optional cast (`::uuid[]`). */
  param(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }

  /** Adds a CTE; names must be unique within the statement. */
  with(name: string, sql: string): this {
    this.ctes.push(`${name} AS (${sql})`);
    return this;
  }

  /** The statement, its main query selecting `select`. */
  sql(select: string): string {
    return `${this.ctes.length ? `WITH ${this.ctes.join(',\n')}\n` : ''}SELECT ${select}`;
  }
}
