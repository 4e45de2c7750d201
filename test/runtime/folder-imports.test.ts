import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Imports flow one way between src/'s folders (the files at src/'s root are the wiring and shared types).

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The folder under src/ a file belongs to; undefined for src/'s own files. */
function folderOf(file: string): string | undefined {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

it('has no two folders under src/ that import each other', () => {
  const imports = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), specifier));
      if (!from || !to || from === to) continue;
      const edge = `${from} → ${to}`;
      imports.set(edge, [...(imports.get(edge) ?? []), `${relative(SRC, file)} imports ${specifier}`]);
    }
  }
  expect(imports.size).toBeGreaterThan(3);
  const bothWays = [...imports.keys()]
    .filter((edge) => {
      const [from, to] = edge.split(' → ');
      return from < to && imports.has(`${to} → ${from}`);
    })
    .map((edge) => {
      const [from, to] = edge.split(' → ');
      return { [edge]: imports.get(edge), [`${to} → ${from}`]: imports.get(`${to} → ${from}`) };
    });
  expect(bothWays).toEqual([]);
});
