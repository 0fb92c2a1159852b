import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/** The committed SDL: sorted, so a diff shows only real changes. */
export function renderSchema(schema: GraphQLSchema): string {
  return `# Generated from the code-first resolvers by \`npm run schema:print\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
