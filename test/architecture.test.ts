import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules, checked on the source: imports flow one way between the folders of src/
 * (schema → planning → stripe, server → …), and src/stripe is the SDK layer — it knows nothing
 * of GraphQL execution, the schema or the request context. The files at src/'s root
 * (main, gateway, config, context) wire the folders together and are not a layer.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

interface Import {
  file: string;
  specifier: string;
  /** Named imports (`import { a, type B }`), empty for a default, namespace or side-effect import. */
  names: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Statements start at column 0 in this code base, so top-level ones are found by line.
const STATIC_IMPORT = /^(?:import|export)\s+(?:type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `{ a, type B, c as d }` → ['a', 'B', 'c']. */
function namedIn(clause: string): string[] {
  const braces = /\{([^}]*)\}/.exec(clause);
  if (!braces) return [];
  return braces[1].split(',').map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]).filter(Boolean);
}

/** Every import, re-export and dynamic import() of a file, type-only ones included. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const [, clause, from, bare] of text.matchAll(STATIC_IMPORT)) found.push({ file, specifier: from ?? bare, names: clause ? namedIn(clause) : [] });
  for (const [, specifier] of text.matchAll(DYNAMIC_IMPORT)) found.push({ file, specifier, names: [] });
  return found;
}

/** The folder of src/ a path lies in ('stripe', 'schema', …); null for src/'s root files and paths outside src/. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
}

/** The file a relative specifier points at (as written: '.js' for a '.ts' file). */
function targetOf({ file, specifier }: Import): string | null {
  return specifier.startsWith('.') ? resolve(dirname(file), specifier).replace(/\.js$/, '.ts') : null;
}

const imports = sourceFiles(SRC).flatMap(importsOf);

/** folder → folder → the files making that import. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const imp of imports) {
    const target = targetOf(imp);
    const from = folderOf(imp.file);
    const to = target && folderOf(target);
    if (!from || !to || from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    const edges = graph.get(from)!;
    edges.set(to, [...(edges.get(to) ?? []), relative(SRC, imp.file)]);
  }
  return graph;
}

/** A cycle through the graph as 'a → b → a', or null. */
function findCycle(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string | null => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node].join(' → ');
    if (done.has(node)) return null;
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('architecture', () => {
  it('imports flow one way between the folders of src/: no folder imports one that imports it back', () => {
    const graph = folderGraph();
    expect(findCycle(graph)).toBeNull();
    // The layers this issue set up, explicitly.
    expect(graph.get('schema')?.has('planning')).toBe(true);
    expect(graph.get('planning')?.has('stripe')).toBe(true);
    for (const lower of ['stripe', 'planning']) expect([...(graph.get(lower)?.keys() ?? [])].filter((to) => to !== 'stripe')).toEqual([]);
    // Telemetry is a leaf: the folders that report to it import it (or gateway.ts wires them), never the reverse.
    expect([...(graph.get('telemetry')?.keys() ?? [])]).toEqual([]);
  });

  it('src/stripe is the SDK layer: no GraphQL, no schema, no request context', () => {
    const offending: string[] = [];
    for (const imp of imports) {
      if (folderOf(imp.file) !== 'stripe') continue;
      const target = targetOf(imp);
      const where = `${relative(SRC, imp.file)} imports '${imp.specifier}'`;
      if (target) {
        // Its own files, and the config the client is built from.
        if (folderOf(target) !== 'stripe' && relative(SRC, target) !== 'config.ts') offending.push(where);
      } else if (/^(graphql|graphql-.+|@graphql-.+|@pothos\/.+|@envelop\/.+|@escape\.tech\/.+)$/.test(imp.specifier)) {
        // The gateway's errors are GraphQLErrors with extensions.code: errors.ts builds them from
        // Stripe's, and that class is all of graphql the SDK layer may know.
        const errorClassOnly = relative(SRC, imp.file) === join('stripe', 'errors.ts') && imp.specifier === 'graphql' && imp.names.join() === 'GraphQLError';
        if (!errorClassOnly) offending.push(where);
      }
    }
    expect(offending).toEqual([]);
  });

  it('src/stripe and src/planning keep no state at module level: memos belong to what a gateway creates', () => {
    const offending: string[] = [];
    // A top-level `let`/`var`, or a top-level constant holding a Map, Set, WeakMap or WeakSet.
    const moduleState = /^(?:export\s+)?(?:(?:let|var)\s+(\w+)|const\s+(\w+)[^=\n]*=\s*new\s+(?:Weak)?(?:Map|Set)\b)/gm;
    for (const file of sourceFiles(SRC).filter((f) => ['stripe', 'planning'].includes(folderOf(f) ?? ''))) {
      for (const [, variable, collection] of readFileSync(file, 'utf8').matchAll(moduleState)) offending.push(`${relative(SRC, file)}: ${variable ?? collection}`);
    }
    expect(offending).toEqual([]);
  });
});
