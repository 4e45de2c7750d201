import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';

/** Persisted documents by the lowercase hex SHA-256 of their text. */
export type DocumentsByHash = ReadonlyMap<string, string>;

/** A document id as a client sends it: `sha256:<hex>` (GraphQL over HTTP), or the bare hex (APQ's `sha256Hash`). */
const SHA256_ID = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

/** The lowercase hex of a `sha256:<hex>` or bare-hex id; null for anything else. */
export function sha256HexOf(id: string): string | null {
  // Bounded before the pattern runs: an id is at most 71 characters.
  if (id.length > 71) return null;
  const match = SHA256_ID.exec(id);
  return match ? match[1].toLowerCase() : null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The id → document pairs of one manifest: the codegen client preset's `persisted-documents.json`
 * (`{ "sha256:<hex>": "query …" }`, bare hex keys accepted too) or Apollo's
 * `{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`.
 */
function entriesOf(json: unknown): [string, unknown][] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('expected a JSON object of "sha256:<hex>": "<document>"');
  const record = json as Record<string, unknown>;
  if (record.format === 'apollo-persisted-query-manifest' && Array.isArray(record.operations)) {
    return record.operations.map((op: { id?: unknown; body?: unknown } | null) => [String(op?.id), op?.body]);
  }
  return Object.entries(record);
}

/**
 * Reads manifests into one map, refusing any entry whose id is not the SHA-256 of its document
 * (the id a client sends must name exactly that text) or whose document does not parse.
 * Throws an Error naming the file and the entry.
 */
export function readManifests(paths: readonly string[]): Map<string, string> {
  const byHash = new Map<string, string>();
  for (const path of paths) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read ${path} as JSON (${(err as Error).message})`);
    }
    let entries: [string, unknown][];
    try {
      entries = entriesOf(json);
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`);
    }
    if (!entries.length) throw new Error(`${path}: holds no document`);
    for (const [id, document] of entries) {
      const hex = sha256HexOf(id);
      if (!hex) throw new Error(`${path}: ${JSON.stringify(id.slice(0, 80))} is not a document id ("sha256:" and 64 hex digits)`);
      if (typeof document !== 'string') throw new Error(`${path}: the document of ${id} is not a string`);
      if (sha256Hex(document) !== hex) throw new Error(`${path}: ${id} is not the SHA-256 of its document (regenerate the manifest)`);
      try {
        parse(document);
      } catch (err) {
        throw new Error(`${path}: the document of ${id} does not parse (${(err as Error).message})`);
      }
      byHash.set(hex, document);
    }
  }
  return byHash;
}

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/** Where the example apps' codegen writes: examples/<app>/…/persisted-documents.json, a few levels down. */
const EXAMPLES_DEPTH = 4;

/**
 * The repository's own manifests that exist: the example operations' (test/gql, `npm run codegen`)
 * and every example app's under examples/ (node_modules skipped). Served without TRUSTED_DOCUMENTS,
 * so the repository's clients can send ids alone.
 */
export function repositoryManifests(): string[] {
  const found: string[] = [];
  const operations = join(REPOSITORY, 'test/gql/persisted-documents.json');
  if (existsSync(operations)) found.push(operations);
  const walk = (dir: string, depth: number): void => {
    if (depth > EXAMPLES_DEPTH || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === 'persisted-documents.json') found.push(join(dir, entry.name));
      else if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(join(dir, entry.name), depth + 1);
    }
  };
  walk(join(REPOSITORY, 'examples'), 0);
  return found;
}
