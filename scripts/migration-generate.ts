// Writes db/migrations/<timestamp>-<Name>.ts with what the entities need beyond the migrations so far.
// Usage: npm run migration:generate -- AddLetters
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, loadConfig } from '@gesit/platform';
import { createDataSource } from '../db/data-source';
import { schemaDiff } from '../db/schema-diff';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('give the migration a name in PascalCase: npm run migration:generate -- AddLetters');
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const dataSource = createDataSource(config.databaseUrl, 1);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const diff = await schemaDiff(dataSource);
    if (!diff.up.length) {
      console.log('entities and migrations agree: nothing to generate');
      return;
    }
    const timestamp = Date.now();
    const quote = (q: string) => `    await queryRunner.query(${JSON.stringify(q)});`;
    const file = join(__dirname, '..', 'db', 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.map(quote).join('\n')}
  }
}
`,
    );
    console.log(`wrote ${file}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
