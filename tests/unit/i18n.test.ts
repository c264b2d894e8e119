// The UI message catalogue and the language choice.
import { describe, expect, it } from 'vitest';
import { catalog, bilingual } from '../../src/lib/i18n/messages';
import { initialLocale, parseLocale, htmlLangOf } from '../../src/lib/i18n/locale-choice';

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
});
