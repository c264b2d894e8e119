// The UI message catalogue and the language choice.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { sourceFiles } from './support/source-files';
import path from 'node:path';
import { bilingual } from '../../src/lib/i18n/messages';
import { initialLocale, parseLocale, htmlLangOf } from '../../src/lib/i18n/locale-choice';
import { locale } from '../../src/lib/i18n/locale.svelte';

/** Every part of the catalogue, by file name ('draw' for catalog/draw.ts). */
const parts = Object.fromEntries(
  Object.entries(
    import.meta.glob<Record<string, Record<string, unknown>>>('../../src/lib/i18n/catalog/*.ts', {
      eager: true
    })
  ).map(([file, exports]) => [path.basename(file, '.ts'), Object.values(exports)[0]])
);
const catalog = Object.assign({}, ...Object.values(parts)) as Record<string, unknown>;
/** The parts messages.ts holds from the start; the others load with the code that uses them. */
const FIRST_VIEW_PARTS = ['common', 'map', 'search', 'plan', 'landmarks'];

describe('message catalogue', () => {
  it('has a non-empty Chinese and English text for every key', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const text =
        typeof entry === 'function' ? (entry as (p: unknown) => typeof entry)({}) : entry;
      expect(text, key).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
      const { zh, en } = text as { zh: string; en: string };
      expect(zh.trim().length, `${key} zh`).toBeGreaterThan(0);
      expect(en.trim().length, `${key} en`).toBeGreaterThan(0);
    }
  });

  it('gives both languages for files and exports', () => {
    expect(bilingual('nav.plan')).toEqual({ zh: '规划全文', en: 'Plan text' });
  });
});

describe('language choice', () => {
  it('sets <html lang> only when it changes (setting it restyles the whole page)', () => {
    const written: string[] = [];
    let lang = 'zh-CN';
    const html = {
      get lang() {
        return lang;
      },
      set lang(next: string) {
        written.push(next);
        lang = next;
      }
    };
    vi.stubGlobal('document', { documentElement: html });
    try {
      locale.set('zh', { remember: false });
      expect(written).toEqual([]);
      locale.set('en', { remember: false });
      locale.set('en', { remember: false });
      locale.set('zh', { remember: false });
      expect(written).toEqual(['en', 'zh-CN']);
      expect(locale.current).toBe('zh');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('takes ?lang= before what the browser remembered, then Chinese', () => {
    expect(initialLocale('?lang=en', 'zh')).toBe('en');
    expect(initialLocale('?lang=zh', 'en')).toBe('zh');
    expect(initialLocale('', 'en')).toBe('en');
    expect(initialLocale('', null)).toBe('zh');
    expect(initialLocale('?lang=<img src=x onerror=alert(1)>', null)).toBe('zh');
    expect(initialLocale('?lang=fr', 'en')).toBe('en');
  });

  it('reads only known codes', () => {
    expect(parseLocale(' EN ')).toBe('en');
    expect(parseLocale('zh-CN')).toBe('zh');
    expect(parseLocale('english')).toBeNull();
    expect(parseLocale(undefined)).toBeNull();
    expect(htmlLangOf('zh')).toBe('zh-CN');
    expect(htmlLangOf('en')).toBe('en');
  });
});

describe('catalogue parts', () => {
  it('never give one key two texts (a later part would silently win)', () => {
    const parts = import.meta.glob<Record<string, Record<string, unknown>>>(
      '../../src/lib/i18n/catalog/*.ts',
      { eager: true }
    );
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, exports] of Object.entries(parts)) {
      for (const part of Object.values(exports)) {
        for (const key of Object.keys(part)) {
          const earlier = owner.get(key);
          if (earlier) clashes.push(`${key}: ${earlier} and ${file}`);
          owner.set(key, file);
        }
      }
    }
    expect(clashes).toEqual([]);
    expect(owner.size).toBe(Object.keys(catalog).length);
  });

  it('are imported by every module that names a key of a part the first view does not hold', () => {
    const partOfKey = new Map<string, string>();
    for (const [name, part] of Object.entries(parts)) {
      if (FIRST_VIEW_PARTS.includes(name)) continue;
      for (const key of Object.keys(part)) partOfKey.set(key, name);
    }
    expect(partOfKey.size).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      if (file.startsWith(path.join('src', 'lib', 'i18n'))) continue;
      const text = readFileSync(file, 'utf8');
      const needed = new Set<string>();
      for (const [, key] of text.matchAll(/['"`]([a-zA-Z]+\.[\w.]+)['"`]/g)) {
        const part = partOfKey.get(key);
        if (part) needed.add(part);
      }
      for (const part of needed) {
        const imported = new RegExp(
          `import\\s+(?:[^'"]*from\\s+)?['"][^'"]*i18n/catalog/${part}['"]`
        );
        if (!imported.test(text)) missing.push(`${file} uses ${part}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds at first only the parts the first view shows; a later part adds itself', async () => {
    vi.resetModules();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fresh = await import('../../src/lib/i18n/messages');
    expect(fresh.bilingual('map.label').zh).not.toBe('map.label');
    expect(fresh.bilingual('draw.heading')).toEqual({ zh: 'draw.heading', en: 'draw.heading' });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('draw.heading'));
    await import('../../src/lib/i18n/catalog/draw');
    expect(fresh.bilingual('draw.heading').zh).not.toBe('draw.heading');
    errors.mockRestore();
  });
});
