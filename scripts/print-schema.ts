// Writes apps/api/schema.graphql from the code-first resolvers (the committed SDL clients can read).
// Needs the development database and Redis, like `npm start`.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { loadConfig } from '@gesit/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { renderSchema, SCHEMA_FILE } from '../apps/api/src/schema-file';

async function main(): Promise<void> {
  const app = await createApi(loadConfig({ ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false' }), { logger: false });
  await app.init();
  writeFileSync(SCHEMA_FILE, renderSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
