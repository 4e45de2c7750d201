// Writes schema.graphql, the committed SDL of the gateway's schema (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

/** Where the printed schema is committed: the repository root. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The schema as SDL, sorted so the file only changes when the schema does. */
export function printGatewaySchema(target: GraphQLSchema = schema): string {
  return `${printSchema(lexicographicSortSchema(target))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printGatewaySchema());
  console.log(`Wrote ${SCHEMA_FILE}`);
}
