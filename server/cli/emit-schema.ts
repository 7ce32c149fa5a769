import fs from 'node:fs';
import { printSchema } from 'graphql';
import 'reflect-metadata';
import { buildGraphQLSchema, SCHEMA_FILE } from '../api/schema';

/** `npm run schema`: writes the SDL that reviewers read in diffs (server/api/schema.graphql). */
async function main(): Promise<void> {
  const sdl = printSchema(await buildGraphQLSchema());
  fs.writeFileSync(SCHEMA_FILE, `${sdl}\n`);
  console.log(`Wrote ${SCHEMA_FILE}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
