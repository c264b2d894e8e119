import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every source file (.ts, .js, .svelte) under a folder, recursively, as paths joined onto it.
 * @param withDeclarations false leaves out `.d.ts` files, which hold types only
 * @example sourceFiles('src', { withDeclarations: false }) // ['src/lib/plan/plan.ts', …]
 */
export function sourceFiles(dir: string, { withDeclarations = true } = {}): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, { withDeclarations });
    if (!withDeclarations && entry.name.endsWith('.d.ts')) return [];
    return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
  });
}
