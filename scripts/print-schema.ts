// Writes the committed schema artifacts (`npm run schema`): schema.graphql, the SDL of the gateway's
// schema, and beside it what client caches need of it (see README, "Client caches").
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { introspectionFromSchema, isAbstractType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

/** Where the printed schema is committed: the repository root. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The schema as SDL, sorted so the file only changes when the schema does. */
export function printGatewaySchema(target: GraphQLSchema = schema): string {
  return `${printSchema(lexicographicSortSchema(target))}\n`;
}

/**
 * The client artifacts written beside schema.graphql, by file: the introspection result (graphql's
 * `introspectionFromSchema`, without descriptions and with no whitespace: what urql graphcache's
 * `schema` option takes, a fraction of a full introspection's size) and the possible types of every
 * union and interface (Apollo Client's `possibleTypes`, graphcache's `possibleTypes`).
 */
export function clientArtifacts(target: GraphQLSchema = schema): Record<string, string> {
  const sorted = lexicographicSortSchema(target);
  const possibleTypes: Record<string, string[]> = {};
  for (const type of Object.values(sorted.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith('__')) possibleTypes[type.name] = sorted.getPossibleTypes(type).map((t) => t.name);
  }
  return {
    [fileURLToPath(new URL('../schema.introspection.json', import.meta.url))]: `${JSON.stringify(introspectionFromSchema(sorted, { descriptions: false }))}\n`,
    [fileURLToPath(new URL('../possible-types.json', import.meta.url))]: `${JSON.stringify(possibleTypes, null, 2)}\n`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printGatewaySchema());
  console.log(`Wrote ${SCHEMA_FILE}`);
  for (const [file, content] of Object.entries(clientArtifacts())) {
    writeFileSync(file, content);
    console.log(`Wrote ${file}`);
  }
}
