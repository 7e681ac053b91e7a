/**
 * A hash of the code a computation runs: the TypeScript modules reached from `entries` by their
 * relative imports (static, dynamic, `export ... from`, type-only ones too), paths and contents, in
 * path order. A cache keyed by it is not read by code that computes differently: changing any module
 * the forecasts import changes the key, changing an unrelated module does not.
 *
 * Read from the sources (they are beside dist/ in every checkout, and the bootstrap rebuilds dist/
 * whenever they change), so the compiled server, the commands and the tests compute the same hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Relative module specifiers in `from '...'`, `import '...'` and `import('...')`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** SHA-256 (hex) of the modules reached from `entries` (paths relative to `root`). */
export const sourceHash = (root: string, entries: readonly string[]): string => {
  const seen = new Map<string, string>();
  const todo = entries.map((e) => join(root, e));
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`sourceHash: cannot read ${relative(root, file)}, which the code hashed imports (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    seen.set(file, text);
    for (const match of text.matchAll(SPECIFIER)) {
      const target = join(dirname(file), match[1] as string);
      // Only our own TypeScript modules: a JSON or WebAssembly file is data, not code.
      if (target.endsWith('.ts')) todo.push(target);
    }
  }
  const hash = createHash('sha256');
  for (const [file, text] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${relative(root, file).split(sep).join('/')}\0${text}\0`);
  }
  return hash.digest('hex');
};
