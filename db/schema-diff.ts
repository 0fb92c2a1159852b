import { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/** What TypeORM would change to make the database match the entities; empty when they agree. */
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  const render = (q: { query: string; parameters?: unknown[] }) =>
    q.parameters?.length ? `${q.query} -- parameters: ${JSON.stringify(q.parameters)}` : q.query;
  return { up: sql.upQueries.map(render), down: sql.downQueries.map(render).reverse() };
}
