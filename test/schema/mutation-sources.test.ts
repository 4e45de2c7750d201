// A newcomer finds a mutation's types by grepping their names: each mutation's
// Input, Payload and Result are named literally in the file that defines the
// mutation (Pothos' own style), never assembled from strings elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getNamedType, isObjectType, isUnionType } from 'graphql';
import { schema } from '../../src/schema/index.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../src/schema/', import.meta.url));
const sources = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(`${SCHEMA_DIR}${file}`, 'utf8') }));

/** The file whose `builder.mutationField('<name>'` defines the mutation. */
function definingFile(mutation: string): { file: string; text: string } | undefined {
  return sources.find((s) => s.text.includes(`builder.mutationField('${mutation}'`));
}

const mutations = Object.values(schema.getMutationType()!.getFields());

describe('mutation types are named where the mutation is defined', () => {
  it('covers every mutation', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(19);
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s', (name, field) => {
    const source = definingFile(name);
    expect(source, `no src/schema file has builder.mutationField('${name}'`).toBeDefined();
    const result = getNamedType(field.type);
    expect(isUnionType(result)).toBe(true);
    const payload = isUnionType(result) ? result.getTypes().find((t) => !t.getInterfaces().some((i) => i.name === 'UserError')) : undefined;
    const input = getNamedType(field.args.find((a) => a.name === 'input')!.type);
    const names = [input.name, payload?.name, result.name];
    expect(names).toEqual([expect.stringMatching(/Input$/), expect.stringMatching(/Payload$/), expect.stringMatching(/Result$/)]);
    for (const typeName of names) expect(source!.text, `${typeName} in ${source!.file}`).toContain(`'${typeName}'`);
    expect(isObjectType(payload)).toBe(true);
  });
});
