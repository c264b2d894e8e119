/**
 * No import cycles in src/, type-only imports included (issue #15): a module is read after what
 * it imports, so a folder's leaf modules (import/types.ts, storage/types.ts) name what others
 * share. ESLint's no-cycle rules skip `import type`; this walks every import TypeScript sees.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './support/source-files';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

const options: ts.CompilerOptions = {
  allowJs: true,
  allowImportingTsExtensions: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  baseUrl: ROOT,
  paths: { $lib: ['src/lib'], '$lib/*': ['src/lib/*'] }
};

/** The script of a Svelte component, or the file itself. */
function scriptOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** What each module in src/ imports from src/ (static, dynamic and type-only imports). */
function importGraph(files: string[]): Map<string, string[]> {
  const inSrc = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(scriptOf(file), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      // `.svelte` components resolve by name; TypeScript does not know the extension.
      if (fileName.endsWith('.svelte')) {
        const path = fileName.startsWith('$lib/')
          ? join(SRC, 'lib', fileName.slice(5))
          : resolve(file, '..', fileName);
        return inSrc.has(path) ? [path] : [];
      }
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      const path = resolved?.resolvedFileName;
      return path && inSrc.has(path) ? [path] : [];
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as the files in it (one cycle per back edge). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import cycles', () => {
  test('the walk finds a cycle, type-only imports included', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']]
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  test('the graph sees relative, $lib, type-only and Svelte imports', () => {
    const graph = importGraph(sourceFiles(SRC, { withDeclarations: false }));
    const of = (file: string) => (graph.get(join(SRC, file)) ?? []).map((f) => relative(SRC, f));
    // `import type { LayerSummary } from '../import/types'`
    expect(of('lib/storage/types.ts')).toContain('lib/import/types.ts');
    // `import type { Drawing } from '$lib/storage/types'`
    expect(of('lib/draw/drawings.ts')).toContain('lib/storage/types.ts');
    expect(of('routes/+page.svelte').some((f) => f.startsWith('lib/components/'))).toBe(true);
  });

  test('no module of src/ imports itself through others', () => {
    const cycles = cyclesOf(importGraph(sourceFiles(SRC, { withDeclarations: false })));
    expect(cycles.map((cycle) => cycle.map((f) => relative(SRC, f)).join(' → '))).toEqual([]);
  });
});
