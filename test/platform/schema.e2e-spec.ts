import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { renderSchema, SCHEMA_FILE } from '../../apps/api/src/schema-file';
import { schemaDiff } from '../../db/schema-diff';
import { startTestApi, TestApi } from '../harness/app';

describe('schema and migrations are current', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('apps/api/schema.graphql matches the resolvers (run `npm run schema:print` after changing them)', () => {
    const current = renderSchema(api.app.get(GraphQLSchemaHost).schema);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(current);
  });

  it('the checked-in migrations produce exactly what the entities describe (run `npm run migration:generate -- Name`)', async () => {
    const diff = await schemaDiff(api.app.get(DataSource));
    expect(diff.up).toEqual([]);
  });
});
